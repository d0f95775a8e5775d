package id.qutab.commerce.orders;

import id.qutab.commerce.payments.Payment;
import id.qutab.commerce.payments.PaymentView;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Reading orders: a customer's own (someone else's is simply not found), and the admin's lists. */
@ApplicationScoped
public class OrderQueries {

    @Transactional
    public Page<OrderView> mine(UUID userId, OrderStatus status, PageRequest page) {
        String query = status == null ? "userId = :user" : "userId = :user and status = :status";
        Parameters params = Parameters.with("user", userId);
        if (status != null) {
            params.and("status", status);
        }
        PanacheQuery<Order> q = Order.find(query, Sort.descending("createdAt").and("id"), params);
        return new Page<>(q.page(page.page(), page.size()).<Order>list().stream().map(OrderView::of).toList(),
                page.page(), page.size(), q.count());
    }

    @Transactional
    public OrderView own(UUID userId, UUID orderId) {
        return OrderView.of(ownedOrAdmin(orderId, userId, false));
    }

    /** The order if the caller owns it (or is an admin); 404 otherwise, never a hint that it exists. */
    public static Order ownedOrAdmin(UUID orderId, UUID userId, boolean admin) {
        return Order.<Order>findByIdOptional(orderId).filter(o -> admin || o.userId.equals(userId))
                .orElseThrow(() -> ProblemException.notFound("Order"));
    }

    /**
     * {@code q}: an order number (or its start), or part of the recipient's name. {@code flagged}: only orders with
     * a payment an admin must look at (wrong amount, paid after closing, paid twice).
     */
    @Transactional
    public Page<AdminOrderView> admin(OrderStatus status, String q, Boolean flagged, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (status != null) {
            where.add("status = :status");
            params.and("status", status);
        }
        if (q != null && !q.isBlank()) {
            if (q.length() > 100) {
                throw ProblemException.invalid("q", "must be at most 100 characters");
            }
            String term = Sql.likeEscape(q.trim());
            where.add("(number like :number escape '\\' or lower(recipientName) like :name escape '\\')");
            params.and("number", term.toUpperCase(Locale.ROOT) + "%");
            params.and("name", "%" + term.toLowerCase(Locale.ROOT) + "%");
        }
        if (Boolean.TRUE.equals(flagged)) {
            where.add("id in (select p.orderId from Payment p where p.flag is not null)");
        }
        Sort sort = Sort.descending("createdAt").and("id");
        PanacheQuery<Order> query = where.isEmpty() ? Order.findAll(sort) : Order.find(String.join(" and ", where), sort, params);
        List<AdminOrderView> items = query.page(page.page(), page.size()).<Order>list().stream()
                .map(o -> AdminOrderView.of(o, List.of(), null)).toList();
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public AdminOrderView adminDetail(UUID orderId) {
        Order o = Order.<Order>findByIdOptional(orderId).orElseThrow(() -> ProblemException.notFound("Order"));
        return AdminOrderView.of(o, Payment.of(orderId).stream().map(PaymentView::of).toList(),
                Refund.<Refund>find("orderId", orderId).firstResultOptional().orElse(null));
    }
}
