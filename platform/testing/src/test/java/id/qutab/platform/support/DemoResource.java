package id.qutab.platform.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** An endpoint shaped like a service's, to prove the shared error path. */
@Path("/test/things")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DemoResource {

    public enum Category { sapi, kambing, domba }

    public record Item(@NotNull UUID productId, @Min(1) int quantity) {
    }

    public record NewThing(@NotBlank @Size(max = 20) String name, @NotNull Category category, @Min(1) int quantity,
                           List<@Valid Item> items) {
    }

    @POST
    public NewThing create(@Valid @NotNull NewThing thing) {
        return thing;
    }

    @GET
    @Path("/{id}")
    public String get(@PathParam("id") UUID id) {
        return "{\"id\":\"" + id + "\"}";
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("secret internal detail at com.example.Internal");
    }
}
