package id.qutab.commerce.orders;

import id.qutab.commerce.catalog.Category;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/**
 * A line with the product as it was when ordered (name, category, price). {@code discount} is this line's
 * share of the order discount, {@code paidAmount = lineTotal - discount}: the commission base.
 */
@Entity
@Table(name = "order_line")
public class OrderLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    public Order order;

    @Column(name = "line_no")
    public int lineNo;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "product_name")
    public String productName;

    @Enumerated(EnumType.STRING)
    public Category category;

    @Column(name = "unit_price")
    public long unitPrice;

    public int quantity;

    @Column(name = "line_total")
    public long lineTotal;

    public long discount;

    @Column(name = "paid_amount")
    public long paidAmount;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "on_behalf_of", columnDefinition = "text[]")
    public String[] onBehalfOf;
}
