package id.qutab.commerce.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

/**
 * A product as the API shows it; {@code imageUrl} is served by this service under {@code /media/}. Registered for
 * reflection: the public catalogue writes it through CatalogueCache's ObjectMapper (a {@code Supplier<Object>}), not
 * as a resource method's return type, so Quarkus would not register it for a native image.
 */
@RegisterForReflection
public record ProductView(UUID id, String name, Category category, String description, long price,
                          Integer weightMin, Integer weightMax, int stock, String imageUrl, boolean active,
                          boolean aqiqah, Instant createdAt, Instant updatedAt) {

    public static ProductView of(Product p) {
        return new ProductView(p.id, p.name, p.category, p.description, p.price, p.weightMin, p.weightMax, p.stock,
                ProductImages.urlOf(p.imageFile), p.active, p.aqiqah, p.createdAt, p.updatedAt);
    }
}
