package id.qutab.affiliate.materials;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.UUID;

@RegisterForReflection
public record MaterialView(UUID id, Material.Kind kind, String title, String caption, String imageUrl, int sortOrder,
                           boolean active, Instant createdAt, Instant updatedAt) {

    static MaterialView of(Material m) {
        return new MaterialView(m.id, m.kind, m.title, m.caption, m.imageUrl, m.sortOrder, m.active, m.createdAt,
                m.updatedAt);
    }
}
