package id.qutab.commerce.catalog;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** The catalogue: what customers may browse, and the admin's product maintenance. */
@ApplicationScoped
public class ProductCatalog {

    private static final String COLUMNS = "id, name, category, description, price, weight_min, weight_max, stock, "
            + "active, aqiqah, image_file, created_at, updated_at, deleted_at";

    @Inject
    EntityManager em;

    @Inject
    ProductImages images;

    @Inject
    CatalogueCache cache;

    /**
     * Filters of a list; {@code visibleOnly} hides inactive products (the public catalogue); {@code aqiqah} keeps
     * only aqiqah packages (true) or only the others (false).
     */
    public record Filter(Category category, String q, Boolean active, boolean visibleOnly, Boolean aqiqah) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<ProductView> list(Filter filter, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE deleted_at IS NULL");
        List<Object> args = new ArrayList<>();
        if (filter.visibleOnly()) {
            where.append(" AND active");
        } else if (filter.active() != null) {
            where.append(" AND active = ?").append(args.size() + 1);
            args.add(filter.active());
        }
        if (filter.aqiqah() != null) {
            where.append(" AND aqiqah = ?").append(args.size() + 1);
            args.add(filter.aqiqah());
        }
        if (filter.category() != null) {
            where.append(" AND category = ?").append(args.size() + 1);
            args.add(filter.category().name());
        }
        String tsquery = prefixQuery(filter.q());
        if (tsquery != null) {
            where.append(" AND search @@ to_tsquery('simple', ?").append(args.size() + 1).append(")");
            args.add(tsquery);
        }
        long total = ((Number) Sql.bind(em.createNativeQuery("SELECT count(*) FROM product" + where), args.toArray())
                .getSingleResult()).longValue();
        List<Product> items = Sql.bind(em.createNativeQuery("SELECT " + COLUMNS + " FROM product" + where
                        + " ORDER BY created_at DESC, id LIMIT " + page.size() + " OFFSET " + page.offset(), Product.class),
                args.toArray()).getResultList();
        return new Page<>(items.stream().map(ProductView::of).toList(), page.page(), page.size(), total);
    }

    /**
     * {@code "kamb etawa"} → {@code kamb:* & etawa:*}: every word must start a word of the name or description.
     * Only letters and digits reach the query, so user input can never be tsquery syntax.
     */
    static String prefixQuery(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        String joined = Arrays.stream(q.toLowerCase().split("[^\\p{L}\\p{N}]+"))
                .filter(t -> !t.isBlank())
                .limit(10)
                .map(t -> t + ":*")
                .collect(Collectors.joining(" & "));
        return joined.isEmpty() ? null : joined;
    }

    @Transactional
    public ProductView visible(UUID id) {
        return Product.findVisible(id).map(ProductView::of).orElseThrow(() -> ProblemException.notFound("Product"));
    }

    @Transactional
    public ProductView existing(UUID id) {
        return ProductView.of(require(id));
    }

    @Transactional
    public ProductView create(ProductInput input) {
        Product p = new Product();
        p.id = UUID.randomUUID();
        p.createdAt = Instant.now();
        apply(p, input);
        p.persist();
        cache.clearAfterCommit();
        return ProductView.of(p);
    }

    @Transactional
    public ProductView update(UUID id, ProductInput input) {
        // Locked like a reservation would, so the admin's stock figure is not lost against a concurrent order.
        Product p = Product.<Product>findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .filter(found -> found.deletedAt == null)
                .orElseThrow(() -> ProblemException.notFound("Product"));
        apply(p, input);
        // The stock column is not written by the entity (see Product); the admin's figure is set explicitly.
        Sql.update(em, "UPDATE product SET stock = ?1 WHERE id = ?2", input.stock(), id);
        cache.clearAfterCommit();
        return ProductView.of(p);
    }

    /**
     * Soft delete: ordered products stay referenced by their order lines (which keep their own snapshot),
     * so the row stays; it disappears from every list, detail and wishlist and can no longer be ordered.
     */
    @Transactional
    public void delete(UUID id) {
        Product p = require(id);
        p.deletedAt = Instant.now();
        p.active = false;
        p.updatedAt = p.deletedAt;
        Sql.update(em, "DELETE FROM wishlist_item WHERE product_id = ?1", id);
        cache.clearAfterCommit();
    }

    private static void apply(Product p, ProductInput input) {
        p.name = input.name().trim();
        p.category = input.category();
        p.description = input.description() == null ? "" : input.description().trim();
        p.price = input.price();
        p.weightMin = input.weightMin();
        p.weightMax = input.weightMax();
        p.stock = input.stock();
        p.active = input.active() == null || input.active();
        if (input.aqiqah() != null) {
            p.aqiqah = input.aqiqah();
        }
        p.updatedAt = Instant.now();
    }

    static Product require(UUID id) {
        return Product.findExisting(id).orElseThrow(() -> ProblemException.notFound("Product"));
    }
}
