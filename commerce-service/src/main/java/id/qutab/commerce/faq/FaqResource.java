package id.qutab.commerce.faq;

import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.security.Roles;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.UUID;

/** Help-centre entries: public list, admin maintenance under {@code /api/admin/faq}. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class FaqResource {

    public record FaqView(UUID id, String category, String question, String answer, int sortOrder, boolean active) {
        static FaqView of(Faq f) {
            return new FaqView(f.id, f.category, f.question, f.answer, f.sortOrder, f.active);
        }
    }

    public record FaqInput(@Size(max = 50) String category, @NotBlank @Size(max = 500) String question,
                           @NotBlank @Size(max = 5000) String answer, Integer sortOrder, Boolean active) {
    }

    @GET
    @Path("api/faq")
    @PermitAll
    @Transactional
    public Page<FaqView> list(@QueryParam("category") String category, @QueryParam("page") Integer page,
                              @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size == null ? 100 : size);
        Sort sort = Sort.ascending("sortOrder", "createdAt");
        PanacheQuery<Faq> query = category == null || category.isBlank()
                ? Faq.find("active = true", sort)
                : Faq.find("active = true and category = ?1", sort, category.trim().toLowerCase());
        return new Page<>(query.page(request.page(), request.size()).<Faq>list().stream().map(FaqView::of).toList(),
                request.page(), request.size(), query.count());
    }

    @GET
    @Path("api/admin/faq")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Page<FaqView> all(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        PageRequest request = PageRequest.of(page, size);
        PanacheQuery<Faq> query = Faq.findAll(Sort.ascending("sortOrder", "createdAt"));
        return new Page<>(query.page(request.page(), request.size()).<Faq>list().stream().map(FaqView::of).toList(),
                request.page(), request.size(), query.count());
    }

    @POST
    @Path("api/admin/faq")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Response create(@Valid @NotNull FaqInput input) {
        Faq f = new Faq();
        f.id = UUID.randomUUID();
        f.createdAt = Instant.now();
        apply(f, input);
        f.persist();
        return Response.status(201).entity(FaqView.of(f)).build();
    }

    @PUT
    @Path("api/admin/faq/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public FaqView update(@PathParam("id") UUID id, @Valid @NotNull FaqInput input) {
        Faq f = Faq.<Faq>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("FAQ entry"));
        apply(f, input);
        return FaqView.of(f);
    }

    @DELETE
    @Path("api/admin/faq/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    public Response delete(@PathParam("id") UUID id) {
        if (!Faq.deleteById(id)) {
            throw ProblemException.notFound("FAQ entry");
        }
        return Response.noContent().build();
    }

    private static void apply(Faq f, FaqInput input) {
        f.category = input.category() == null || input.category().isBlank() ? "umum" : input.category().trim().toLowerCase();
        f.question = input.question().trim();
        f.answer = input.answer().trim();
        f.sortOrder = input.sortOrder() == null ? 0 : input.sortOrder();
        f.active = input.active() == null || input.active();
        f.updatedAt = Instant.now();
    }
}
