package id.qutab.identity.notifications;

import id.qutab.identity.accounts.IndonesianPhone;
import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The admin's message log, read from the platform's {@code notification_outbox} (identity's own: every WhatsApp
 * message and identity's mails). Status: PENDING → QUEUED; SENT → what the provider reported since (SENT, DELIVERED,
 * READ, FAILED); FAILED (given up) → FAILED.
 */
@ApplicationScoped
public class MessageLog {

    private static final Set<String> STATUSES = Set.of("QUEUED", "SENT", "DELIVERED", "READ", "FAILED");
    private static final Pattern TEMPLATE = Pattern.compile("[a-z0-9_.\\-]{1,100}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,200}@[^@\\s]{1,200}");
    private static final String STATUS = """
            CASE WHEN n.status = 'PENDING' THEN 'QUEUED' WHEN n.status = 'FAILED' THEN 'FAILED'
                 ELSE coalesce(n.delivery_status, 'SENT') END""";

    @Inject
    EntityManager em;

    /** {@code statusAt} (extension): when the message reached its status. */
    @RegisterForReflection
    public record Entry(UUID id, String channel, String to, String templateKey, Integer templateVersion,
                        String status, Instant at, Instant statusAt, String error) {
    }

    @Transactional
    public Page<Entry> list(String to, String status, String template, String channel, PageRequest page) {
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (to != null && !to.isBlank()) {
            String recipient = to.trim();
            if (EMAIL.matcher(recipient).matches()) {
                args.add(recipient.toLowerCase(Locale.ROOT));
                where.append(" AND n.recipient = ?").append(args.size());
            } else {
                args.add(IndonesianPhone.normalize(recipient).orElseThrow(() -> ProblemException.invalid("to",
                        "must be a phone number (+62…, 62… or 08…) or an email address")));
                where.append(" AND n.recipient = ?").append(args.size());
            }
        }
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status)) {
                throw ProblemException.invalid("status", "must be QUEUED, SENT, DELIVERED, READ or FAILED");
            }
            args.add(status);
            where.append(" AND ").append(STATUS).append(" = ?").append(args.size());
        }
        if (template != null && !template.isBlank()) {
            if (!TEMPLATE.matcher(template).matches()) {
                throw ProblemException.invalid("template", "must be a template key");
            }
            args.add(template);
            where.append(" AND n.template = ?").append(args.size());
        }
        if (channel != null && !channel.isBlank()) {
            String stored = switch (channel) {
                case MessageTemplate.WHATSAPP -> "whatsapp";
                case MessageTemplate.EMAIL -> "mail";
                default -> throw ProblemException.invalid("channel", "must be WHATSAPP or EMAIL");
            };
            args.add(stored);
            where.append(" AND n.channel = ?").append(args.size());
        }
        Object[] bound = args.toArray();
        long total = Sql.longValue(Sql.bind(em.createNativeQuery(
                "SELECT count(*) FROM notification_outbox n " + where), bound).getSingleResult());
        List<Object[]> rows = Sql.rows(em, """
                SELECT n.id, n.channel, n.recipient, n.template, n.template_version, %s, n.created_at,
                       coalesce(n.delivery_at, n.failed_at, n.sent_at, n.created_at),
                       CASE WHEN n.delivery_status = 'FAILED' THEN n.delivery_error ELSE n.last_error END
                FROM notification_outbox n %s
                ORDER BY n.created_at DESC, n.id DESC LIMIT %d OFFSET %d"""
                .formatted(STATUS, where, page.size(), page.offset()), bound);
        List<Entry> entries = rows.stream().map(r -> new Entry((UUID) r[0],
                "whatsapp".equals(r[1]) ? MessageTemplate.WHATSAPP : "mail".equals(r[1]) ? MessageTemplate.EMAIL
                        : String.valueOf(r[1]).toUpperCase(Locale.ROOT),
                (String) r[2], (String) r[3], r[4] == null ? null : ((Number) r[4]).intValue(), (String) r[5],
                Sql.instant(r[6]), Sql.instant(r[7]), (String) r[8])).toList();
        return new Page<>(entries, page.page(), page.size(), total);
    }
}
