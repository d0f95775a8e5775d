package id.qutab.identity.notifications;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MessageTemplates implements PanacheRepositoryBase<MessageTemplate, UUID> {

    /** The highest version of channel + key + locale (active or not). */
    public Optional<MessageTemplate> latest(String channel, String key, String locale) {
        return find("channel = ?1 and templateKey = ?2 and locale = ?3 order by version desc", channel, key, locale)
                .firstResultOptional();
    }

    /**
     * What a message to someone speaking {@code locale} is rendered from: the latest version in that language,
     * else the Indonesian one when the language has none at all. A deactivated latest version sends nothing.
     */
    public Optional<MessageTemplate> forSending(String channel, String key, String locale) {
        Optional<MessageTemplate> own = latest(channel, key, locale);
        if (own.isEmpty() && !"id".equals(locale)) {
            own = latest(channel, key, "id");
        }
        return own.filter(t -> t.active);
    }

    public void deactivate(String channel, String key, String locale) {
        update("active = false where channel = ?1 and templateKey = ?2 and locale = ?3 and active = true",
                channel, key, locale);
    }
}
