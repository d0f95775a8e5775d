package id.qutab.commerce.faq;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A help-centre entry. */
@Entity
@Table(name = "faq")
public class Faq extends PanacheEntityBase {

    @Id
    public UUID id;

    public String category;

    public String question;

    public String answer;

    @Column(name = "sort_order")
    public int sortOrder;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
