package id.qutab.identity.notifications;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A template version as admins see it; {@code variables} (extension) in Cloud API parameter order. */
@RegisterForReflection
public record TemplateView(UUID id, String channel, String key, String locale, String category, String body,
                           int version, boolean active, Instant createdAt, List<String> variables) {

    static TemplateView of(MessageTemplate t) {
        return new TemplateView(t.id, t.channel, t.templateKey, t.locale, t.category, t.body, t.version, t.active,
                t.createdAt, TemplateBody.parse(t.body).variables());
    }
}
