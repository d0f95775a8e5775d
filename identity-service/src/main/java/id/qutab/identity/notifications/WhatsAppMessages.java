package id.qutab.identity.notifications;

import id.qutab.identity.accounts.UserAccount;
import id.qutab.identity.accounts.UserRepository;
import id.qutab.platform.notify.Message;
import id.qutab.platform.notify.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Every WhatsApp message identity sends goes through here, inside the inbox transaction of the event it answers:
 * find the person (their E.164 number and language are identity's), ask their preference for the template's
 * category, render the latest active version of the template in their language (Indonesian when theirs has none)
 * and record it with the platform's {@link Notifications}. The platform sends it after the commit, retries, and
 * records the provider's delivery statuses; the row keeps the template version it was rendered from.
 *
 * <p>The dedupe key is the event id (the reminder id for reminders): a redelivered event records nothing new, even
 * after its inbox id was purged. Log lines carry user ids and template keys, never a phone number or a text.
 */
@ApplicationScoped
public class WhatsAppMessages {

    private static final Logger LOG = Logger.getLogger(WhatsAppMessages.class);
    /** What {@link Message#whatsapp} accepts; a number stored before normalization must not fail the event forever. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    @Inject
    UserRepository users;

    @Inject
    MessageTemplates templates;

    @Inject
    PreferenceService preferences;

    @Inject
    Notifications notifications;

    public enum Outcome { RECORDED, DUPLICATE, NO_PHONE, OPTED_OUT, NO_TEMPLATE }

    /**
     * Records template {@code key} for {@code userId}; {@code values} gets the user (for their name) and their
     * language, and returns the variables' values.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome send(UUID userId, String key, String dedupeKey,
                        Function<Recipient, Map<String, String>> values) {
        UserAccount user = userId == null ? null : users.findLive(userId).orElse(null);
        if (user == null || user.phone == null || !E164.matcher(user.phone).matches()) {
            LOG.infof("no WhatsApp %s for user %s: unknown, deleted or without a phone number", key, userId);
            return Outcome.NO_PHONE;
        }
        MessageTemplate template = templates.forSending(MessageTemplate.WHATSAPP, key, user.locale).orElse(null);
        if (template == null) {
            LOG.warnf("no WhatsApp %s for user %s: the template is missing or deactivated", key, userId);
            return Outcome.NO_TEMPLATE;
        }
        if (!preferences.of(user.id).allowsWhatsApp(template.transactional())) {
            LOG.infof("no WhatsApp %s for user %s: opted out of %s messages", key, userId, template.category);
            return Outcome.OPTED_OUT;
        }
        TemplateBody body = TemplateBody.parse(template.body);
        Map<String, String> filled = values.apply(new Recipient(user, template.locale));
        boolean recorded = notifications.record(Message.whatsapp(key, dedupeKey, user.phone)
                .withLocale(template.locale)
                .withText(body.render(filled))
                .withTemplateCall(template.version, body.parameters(filled)));
        if (recorded) {
            LOG.infof("WhatsApp %s v%d (%s) recorded for user %s", key, template.version, template.locale, userId);
        }
        return recorded ? Outcome.RECORDED : Outcome.DUPLICATE;
    }

    /** Who a message goes to and the language it is rendered in (the template's, which may be the fallback). */
    public record Recipient(UserAccount user, String locale) {

        public String name() {
            return user.name;
        }

        public boolean english() {
            return "en".equals(locale);
        }
    }
}
