package id.qutab.platform.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to one person, already rendered by the service that knows its template and language.
 * Recorded with {@link Notifications#record(Message)} in the business transaction; sent after commit.
 *
 * @param channel   how it travels ({@link MailChannel#NAME}; WhatsApp will be another channel)
 * @param template  which message this is, e.g. {@code commerce.order-paid}: part of the dedupe key, a metric tag
 * @param recipient an e-mail address (or a phone number for a phone channel)
 * @param dedupeKey what makes it the same message: the event id it answers, the token or payout it is about
 * @param sendUntil after this the message is not worth sending any more (a link that expired); null → the
 *                  configured {@code qutab.notify.max-age} from now
 */
public record Message(String channel, String template, String recipient, String dedupeKey, String locale,
                      String subject, String text, String html, Instant sendUntil) {

    public Message {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("a message needs a recipient");
        }
    }

    /** A mail for {@code to}; add a subject and a text and/or HTML body. */
    public static Message mail(String template, String dedupeKey, String to) {
        return new Message(MailChannel.NAME, template, to, dedupeKey, null, null, null, null, null);
    }

    public Message withSubject(String subject) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil);
    }

    public Message withText(String text) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil);
    }

    public Message withHtml(String html) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil);
    }

    public Message withBodies(RenderedBodies bodies) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, bodies.text(), bodies.html(),
                sendUntil);
    }

    public Message withLocale(String locale) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil);
    }

    public Message withSendUntil(Instant sendUntil) {
        return new Message(channel, template, recipient, dedupeKey, locale, subject, text, html, sendUntil);
    }

    @Override
    public String toString() {
        // bodies may carry one-time links and the recipient is personal data: neither belongs in a log
        return "Message[" + channel + " " + template + " " + dedupeKey + "]";
    }
}
