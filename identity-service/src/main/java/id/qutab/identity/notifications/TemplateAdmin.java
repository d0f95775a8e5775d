package id.qutab.identity.notifications;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What admins do with templates. A version is never changed: an edit writes version + 1 (the old row stays, so a
 * message keeps the text it was sent with), a delete deactivates the channel + key + locale (no more sends).
 */
@ApplicationScoped
public class TemplateAdmin {

    private static final Logger LOG = Logger.getLogger(TemplateAdmin.class);
    static final String VERSION_INDEX = "message_template_version_key";
    private static final Pattern KEY = Pattern.compile(TemplateRequests.KEY);

    @Inject
    MessageTemplates templates;

    @Transactional
    public Page<TemplateView> list(String channel, String key, String locale, boolean history, PageRequest page) {
        StringBuilder where = new StringBuilder("from MessageTemplate t where 1 = 1");
        Parameters params = new Parameters();
        if (channel != null && !channel.isBlank()) {
            if (!Set.of(MessageTemplate.WHATSAPP, MessageTemplate.EMAIL).contains(channel)) {
                throw ProblemException.invalid("channel", "must be WHATSAPP or EMAIL");
            }
            where.append(" and t.channel = :channel");
            params.and("channel", channel);
        }
        if (key != null && !key.isBlank()) {
            if (!KEY.matcher(key).matches()) {
                throw ProblemException.invalid("key", "must be 1 to 64 of a-z, 0-9 and _");
            }
            where.append(" and t.templateKey = :key");
            params.and("key", key);
        }
        if (locale != null && !locale.isBlank()) {
            if (!Set.of("id", "en").contains(locale)) {
                throw ProblemException.invalid("locale", "must be id or en");
            }
            where.append(" and t.locale = :locale");
            params.and("locale", locale);
        }
        if (!history) {
            where.append(" and t.version = (select max(o.version) from MessageTemplate o where o.channel = t.channel"
                    + " and o.templateKey = t.templateKey and o.locale = t.locale)");
        }
        where.append(" order by t.channel, t.templateKey, t.locale, t.version desc");
        PanacheQuery<MessageTemplate> query = templates.find(where.toString(), params).page(page.page(), page.size());
        return new Page<>(query.list().stream().map(TemplateView::of).toList(), page.page(), page.size(),
                query.count());
    }

    @Transactional
    public TemplateView get(UUID id) {
        return TemplateView.of(found(id));
    }

    @Transactional
    public TemplateView create(TemplateRequests.Create request, UUID adminId) {
        check(request.key(), request.body());
        if (templates.latest(request.channel(), request.key(), request.locale()).isPresent()) {
            throw exists();
        }
        MessageTemplate t = insert(request.channel(), request.key(), request.locale(), request.category(),
                request.body(), 1, adminId);
        LOG.infof("template %s/%s/%s created by admin %s", t.channel, t.templateKey, t.locale, adminId);
        return TemplateView.of(t);
    }

    /**
     * Writes the next version of the template {@code id} is a version of. Only the latest version may be edited:
     * an admin who edits an older one has not seen the newer text and would silently undo it (409).
     */
    @Transactional
    public TemplateView update(UUID id, TemplateRequests.Update request, UUID adminId) {
        MessageTemplate old = found(id);
        check(old.templateKey, request.body());
        MessageTemplate latest = templates.latest(old.channel, old.templateKey, old.locale).orElse(old);
        if (latest.version != old.version) {
            throw ProblemException.conflict("stale-template",
                    "Version " + latest.version + " of this template exists; edit that one (id " + latest.id + ").");
        }
        MessageTemplate t = insert(old.channel, old.templateKey, old.locale, request.category(), request.body(),
                old.version + 1, adminId);
        LOG.infof("template %s/%s/%s version %d written by admin %s", t.channel, t.templateKey, t.locale, t.version,
                adminId);
        return TemplateView.of(t);
    }

    @Transactional
    public void deactivate(UUID id, UUID adminId) {
        MessageTemplate t = found(id);
        templates.deactivate(t.channel, t.templateKey, t.locale);
        LOG.infof("template %s/%s/%s deactivated by admin %s", t.channel, t.templateKey, t.locale, adminId);
    }

    private MessageTemplate insert(String channel, String key, String locale, String category, String body,
                                   int version, UUID adminId) {
        MessageTemplate t = new MessageTemplate();
        t.id = UUID.randomUUID();
        t.channel = channel;
        t.templateKey = key;
        t.locale = locale;
        t.category = category;
        t.body = body;
        t.version = version;
        t.active = true;
        t.createdAt = Instant.now();
        t.createdBy = adminId;
        try {
            templates.persistAndFlush(t);
        } catch (RuntimeException e) {
            if (Sql.violates(e, VERSION_INDEX)) {
                // a concurrent create or edit of the same template took this version first
                throw version == 1 ? exists() : ProblemException.conflict("stale-template",
                        "Someone else has just edited this template; reload it and edit the newest version.");
            }
            throw e;
        }
        return t;
    }

    /** The variables a message fills are fixed by the code that sends it (see {@link TemplateKeys}). */
    private static void check(String key, String body) {
        TemplateBody parsed = TemplateBody.parse(body);
        Set<String> known = TemplateKeys.VARIABLES.get(key);
        if (known != null) {
            for (String variable : parsed.variables()) {
                if (!known.contains(variable)) {
                    throw ProblemException.invalid("body", "{{" + variable + "}} is not filled by " + key
                            + "; available: " + String.join(", ", known.stream().sorted().toList()));
                }
            }
        }
    }

    private MessageTemplate found(UUID id) {
        return templates.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Template"));
    }

    private static ProblemException exists() {
        return ProblemException.conflict("template-exists",
                "This channel, key and locale has a template already; edit it instead.");
    }
}
