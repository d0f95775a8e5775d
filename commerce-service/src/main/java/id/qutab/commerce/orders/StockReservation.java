package id.qutab.commerce.orders;

import id.qutab.commerce.catalog.CatalogueCache;
import id.qutab.commerce.catalog.Category;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Takes stock with one conditional statement, {@code UPDATE product SET stock = stock - q WHERE id = ? AND
 * stock >= q AND active}: concurrent orders queue on the product row and the condition is re-checked on the
 * latest version, so stock never goes below zero and nothing is oversold. Released on cancel and expiry.
 */
@ApplicationScoped
public class StockReservation {

    @Inject
    EntityManager em;

    /** Every replica learns of the change by NOTIFY (V9 trigger); this one also clears right at commit. */
    @Inject
    CatalogueCache catalogue;

    /** The product as reserved, for the order line's snapshot. */
    public record Reserved(UUID productId, String name, Category category, long unitPrice) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Reserved reserve(UUID productId, int quantity) {
        int taken = Sql.update(em, """
                UPDATE product SET stock = stock - ?1, updated_at = now()
                WHERE id = ?2 AND stock >= ?1 AND active AND deleted_at IS NULL""", quantity, productId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT name, category, price, active AND deleted_at IS NULL FROM product WHERE id = ?1")
                .setParameter(1, productId).getResultList();
        if (rows.isEmpty() || !Boolean.TRUE.equals(rows.get(0)[3])) {
            throw ProblemException.rule("product-unavailable", "Product " + productId + " is not available.");
        }
        if (taken == 0) {
            throw ProblemException.conflict("out-of-stock", "Not enough stock for " + rows.get(0)[0] + ".");
        }
        catalogue.clearAfterCommit();
        Object[] row = rows.get(0);
        return new Reserved(productId, (String) row[0], Category.valueOf((String) row[1]), ((Number) row[2]).longValue());
    }

    /** In product-id order, like {@link OrderPlacement} reserves: a release racing a checkout cannot deadlock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Order order) {
        List<OrderLine> byProduct = order.lines.stream().sorted(Comparator.comparing(l -> l.productId)).toList();
        for (OrderLine line : byProduct) {
            Sql.update(em, "UPDATE product SET stock = stock + ?1, updated_at = now() WHERE id = ?2",
                    line.quantity, line.productId);
        }
        catalogue.clearAfterCommit();
    }
}
