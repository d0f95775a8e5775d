package id.qutab.whatsapp.sandbox;

import java.time.Instant;
import java.util.List;

/**
 * A message as the sandbox holds it (a snapshot).
 *
 * @param id            the {@code wamid.} id answered to the sender
 * @param to            recipient, E.164 digits without '+'
 * @param type          {@code template} or {@code text}
 * @param templateName  the template's name ({@code null} for text)
 * @param language      the template's language code ({@code null} for text)
 * @param parameters    the body parameters' texts, in order (empty for text)
 * @param text          the text body ({@code null} for a template)
 * @param status        the latest status: {@code sent}, {@code delivered}, {@code read} or {@code failed}
 * @param statuses      every status so far with its time, oldest first
 */
public record Message(String id, String to, String type, String templateName, String language,
                      List<String> parameters, String text, Instant created, String status,
                      List<StatusChange> statuses) {

    public static final String SENT = "sent";
    public static final String DELIVERED = "delivered";
    public static final String READ = "read";
    public static final String FAILED = "failed";

    public record StatusChange(String status, Instant at) {
    }
}
