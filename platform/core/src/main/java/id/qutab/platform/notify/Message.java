package id.qutab.platform.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message to one person, already rendered by the service that knows its template and language.
 * Recorded with {@link Notifications#record(Message)} in the business transaction; sent after commit.
 *
 * @param channel   how it travels: {@link MailChannel#NAME} or
 *                  {@link id.qutab.platform.notify.whatsapp.WhatsAppChannel#NAME}
 * @param template  which message this is, e.g. {@code commerce.order-paid}: part of the dedupe key, a metric tag;
 *                  for WhatsApp the provider's template name ({@code order_paid})
 * @param recipient an e-mail address, or for WhatsApp a phone number in E.164 ({@code +6281234567890})
 * @param dedupeKey what makes it the same message: the event id it answers, the token or payout it is about
 * @param sendUntil after this the message is not worth sending any more (a link that expired); null → the
 *                  configured {@code qutab.notify.max-age} from now
 * @param templateVersion the version of the service's template this message was rendered from (kept on the row:
 *                  a message keeps the version it was sent with); null for mail
 * @param parameters the provider template's body parameters, in order (WhatsApp); null for mail
 */
public record Message(String channel, String template, String recipient, String dedupeKey, String locale,
                      String subject, String text, String html, Instant sendUntil, Integer templateVersion,
                      List<String> parameters) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");

    public Message {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("a message needs a recipient");
        }
        parameters = parameters == null ? null : List.copyOf(parameters);
    }

    /** A mail for {@code to}; add a subject and a text and/or HTML body. */
    public static Message mail(String template, String dedupeKey, String to) {
        return new Message(MailChannel.NAME, template, to, dedupeKey, null, null, null, null, null, null, null);
    }

    /**
     * A WhatsApp template message to {@code toE164} ({@code +6281234567890}, as {@code IndonesianPhone} normalizes
     * it); add {@link #withLocale} (the template's language), {@link #withText} (the rendered body, kept until sent
     * for the service's own log) and {@link #withTemplateCall} (version and body parameters).
     *
     * @param template the Cloud API template name ({@code order_paid})
     */
    public static Message whatsapp(String template, String dedupeKey, String toE164) {
        if (toE164 == null || !E164.matcher(toE164).matches()) {
            // a number the provider would refuse for good: refused here, in the business transaction's caller
            throw new IllegalArgumentException("a WhatsApp recipient must be E.164 (+ and 8 to 15 digits)");
        }
        return new Message(id.qutab.platform.notify.whatsapp.WhatsAppChannel.NAME, template, toE164, dedupeKey, null,
                null, null, null, null, null, null);
    }

    /** The template version rendered and the provider template's body parameters, in order. */
    public Message withTemplateCall(int templateVersion, List<String> parameters) {
        Objects.requireNonNull(parameters, "parameters");
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil,
                templateVersion, parameters);
    }

    public Message withSubject(String subject) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil,
                templateVersion, parameters);
    }

    public Message withText(String text) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil,
                templateVersion, parameters);
    }

    public Message withHtml(String html) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil,
                templateVersion, parameters);
    }

    public Message withBodies(RenderedBodies bodies) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, bodies.text(), bodies.html(),
                sendUntil, templateVersion, parameters);
    }

    public Message withLocale(String locale) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil,
                templateVersion, parameters);
    }

    public Message withSendUntil(Instant sendUntil) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil,
                templateVersion, parameters);
    }

    @Override
    public String toString() {
        // bodies may carry one-time links and the recipient is personal data: neither belongs in a log
        return "Message[" + channel + " " + template + " " + dedupeKey + "]";
    }
}
