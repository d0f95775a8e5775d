package id.qutab.commerce.wishlist;

import id.qutab.commerce.catalog.Product;
import id.qutab.commerce.catalog.ProductView;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** A customer's saved products. Adding twice is the same as adding once. */
@ApplicationScoped
public class Wishlist {

    @Inject
    EntityManager em;

    @Transactional
    @SuppressWarnings("unchecked")
    public Page<ProductView> list(UUID userId, PageRequest page) {
        long total = ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM wishlist_item w JOIN product p ON p.id = w.product_id
                        WHERE w.user_id = ?1 AND p.deleted_at IS NULL""")
                .setParameter(1, userId).getSingleResult()).longValue();
        List<Product> products = em.createNativeQuery("""
                        SELECT p.id, p.name, p.category, p.description, p.price, p.weight_min, p.weight_max, p.stock,
                               p.active, p.aqiqah, p.image_file, p.created_at, p.updated_at, p.deleted_at
                        FROM wishlist_item w JOIN product p ON p.id = w.product_id
                        WHERE w.user_id = ?1 AND p.deleted_at IS NULL
                        ORDER BY w.added_at DESC, p.id LIMIT ?2 OFFSET ?3""", Product.class)
                .setParameter(1, userId).setParameter(2, page.size()).setParameter(3, page.offset())
                .getResultList();
        return new Page<>(products.stream().map(ProductView::of).toList(), page.page(), page.size(), total);
    }

    @Transactional
    public void add(UUID userId, UUID productId) {
        Product.findVisible(productId).orElseThrow(() -> ProblemException.notFound("Product"));
        Sql.update(em, "INSERT INTO wishlist_item (user_id, product_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                userId, productId);
    }

    @Transactional
    public void remove(UUID userId, UUID productId) {
        Sql.update(em, "DELETE FROM wishlist_item WHERE user_id = ?1 AND product_id = ?2", userId, productId);
    }
}
