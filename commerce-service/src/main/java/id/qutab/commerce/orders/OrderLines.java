package id.qutab.commerce.orders;

import id.qutab.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * An order's lines: one per product (quantity says how many), each a snapshot of the product as its stock was
 * reserved, so later catalogue changes never alter what was bought. Stock is reserved in product-id order: two
 * orders for the same products lock their rows in the same order and cannot deadlock. The lines keep the order
 * of the request.
 */
@ApplicationScoped
public class OrderLines {

    @Inject
    StockReservation stock;

    /** Reserves every item's stock and adds its line to {@code order} ({@code recipientName} already set). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(Order order, List<PlaceOrderRequest.Item> items) {
        requireDistinctProducts(items);
        List<Integer> byProduct = IntStream.range(0, items.size()).boxed()
                .sorted(Comparator.comparing(i -> items.get(i).productId())).toList();
        StockReservation.Reserved[] reserved = new StockReservation.Reserved[items.size()];
        for (int i : byProduct) {
            PlaceOrderRequest.Item item = items.get(i);
            reserved[i] = stock.reserve(item.productId(), item.quantity());
        }
        for (int i = 0; i < items.size(); i++) {
            order.lines.add(line(order, i, items.get(i), reserved[i]));
        }
    }

    static void requireDistinctProducts(List<PlaceOrderRequest.Item> items) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            if (!seen.add(items.get(i).productId())) {
                throw ProblemException.invalid("items[" + i + "].productId",
                        "each product may appear once; use quantity (names go in onBehalfOf)");
            }
        }
    }

    private static OrderLine line(Order order, int index, PlaceOrderRequest.Item item,
                                  StockReservation.Reserved reserved) {
        OrderLine line = new OrderLine();
        line.id = UUID.randomUUID();
        line.order = order;
        line.lineNo = index + 1;
        line.productId = item.productId();
        line.productName = reserved.name();
        line.category = reserved.category();
        line.unitPrice = reserved.unitPrice();
        line.quantity = item.quantity();
        line.lineTotal = Math.multiplyExact(reserved.unitPrice(), (long) item.quantity());
        line.onBehalfOf = OnBehalfOf.names(line.category, line.quantity, item.onBehalfOf(), order.recipientName, index);
        return line;
    }
}
