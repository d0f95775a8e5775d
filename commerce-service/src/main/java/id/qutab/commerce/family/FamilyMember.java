package id.qutab.commerce.family;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A member of a customer's family and their birth date (for the reminders); erased with the account. */
@Entity
@Table(name = "family_member")
public class FamilyMember extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Relation relation;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
