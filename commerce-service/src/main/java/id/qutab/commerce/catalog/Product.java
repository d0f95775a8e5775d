package id.qutab.commerce.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A qurban package on sale. {@code stock} goes in with the new product's insert ({@link ProductCatalog#create});
 * after that the entity never writes it: only SQL statements change it (the conditional reservation and release
 * of {@code StockReservation}, the admin's explicit figure in {@link ProductCatalog#update}). A loaded copy's stock
 * is stale as soon as an order commits, and writing it back would undo that order's reservation (oversell). Hence
 * {@code updatable = false}: assigning the field of a loaded product changes nothing in the database (it only
 * changes what that copy shows). {@code @DynamicUpdate} makes a save write only the columns that changed.
 */
@Entity
@Table(name = "product")
@DynamicUpdate
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public Category category;

    public String description;

    public long price;

    @Column(name = "weight_min")
    public Integer weightMin;

    @Column(name = "weight_max")
    public Integer weightMax;

    @Column(updatable = false)
    public int stock;

    public boolean active;

    /** An aqiqah package: the reminder job offers aqiqah only while the catalogue has one. */
    public boolean aqiqah;

    @Column(name = "image_file")
    public String imageFile;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Not deleted (admins see inactive ones too). */
    public static Optional<Product> findExisting(UUID id) {
        return Product.<Product>findByIdOptional(id).filter(p -> p.deletedAt == null);
    }

    /** What the public catalogue shows: not deleted and active. */
    public static Optional<Product> findVisible(UUID id) {
        return findExisting(id).filter(p -> p.active);
    }
}
