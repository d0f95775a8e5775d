package id.qutab.affiliate.materials;

import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Promotional materials: admins maintain them, approved affiliates list the active ones. */
@ApplicationScoped
public class Materials implements PanacheRepositoryBase<Material, UUID> {

    @Transactional
    public Page<MaterialView> page(boolean activeOnly, PageRequest request) {
        PanacheQuery<Material> query = activeOnly
                ? find("active", Sort.ascending("sortOrder").and("createdAt").and("id"), true)
                : findAll(Sort.descending("createdAt").and("id"));
        return new Page<>(query.page(request.page(), request.size()).list().stream().map(MaterialView::of).toList(),
                request.page(), request.size(), query.count());
    }

    @Transactional
    public MaterialView get(UUID id) {
        return MaterialView.of(require(id));
    }

    @Transactional
    public MaterialView create(MaterialInput input) {
        Material m = new Material();
        m.id = UUID.randomUUID();
        m.createdAt = Instant.now();
        apply(m, input);
        persist(m);
        return MaterialView.of(m);
    }

    @Transactional
    public MaterialView update(UUID id, MaterialInput input) {
        Material m = require(id);
        apply(m, input);
        return MaterialView.of(m);
    }

    @Transactional
    public void remove(UUID id) {
        delete(require(id));
    }

    private static void apply(Material m, MaterialInput input) {
        if (input.kind() == Material.Kind.BANNER && (input.imageUrl() == null || input.imageUrl().isBlank())) {
            throw ProblemException.invalid("imageUrl", "a banner needs an image URL");
        }
        if (input.kind() == Material.Kind.CAPTION && (input.caption() == null || input.caption().isBlank())) {
            throw ProblemException.invalid("caption", "a caption needs its text");
        }
        m.kind = input.kind();
        m.title = input.title().trim();
        m.caption = input.caption() == null || input.caption().isBlank() ? null : input.caption().trim();
        m.imageUrl = input.imageUrl() == null || input.imageUrl().isBlank() ? null : input.imageUrl().trim();
        m.sortOrder = input.sortOrder() == null ? 0 : input.sortOrder();
        m.active = input.active() == null || input.active();
        m.updatedAt = Instant.now();
    }

    private Material require(UUID id) {
        return findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Material"));
    }
}
