package id.qutab.affiliate.applications;

import id.qutab.platform.web.FrontendConfig;
import id.qutab.affiliate.users.UserContacts;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import id.qutab.platform.notify.Message;
import id.qutab.platform.notify.Notifications;
import id.qutab.platform.notify.RenderedBodies;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The applicant hears the decision by mail (Indonesian, Qute templates {@code templates/mail/application*}).
 * Rendered and recorded with the platform's {@link Notifications} inside the deciding transaction, so it exists
 * exactly when the decision committed; the platform sends it after the commit (retrying while SMTP is down)
 * without making the admin wait. One mail per affiliate and decision (dedupe key: the affiliate id and, for a
 * rejection, when it was decided, so a later application's decision mails again). The address comes from the user
 * projection; an applicant whose account is not known here yet gets no mail (the portal shows the decision anyway).
 */
@ApplicationScoped
public class ApplicationMails {

    private static final Logger LOG = Logger.getLogger(ApplicationMails.class);

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native MailTemplateInstance applicationApproved(String name, String code, String link, String portal);

        static native MailTemplateInstance applicationRejected(String name, String reason, String portal, long cooldownDays);
    }

    @Inject
    Notifications notifications;

    @Inject
    UserContacts contacts;

    @Inject
    FrontendConfig frontend;

    @Inject
    ApplicationConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    void approved(Affiliate affiliate) {
        String portal = frontend.base() + "affiliate";
        record(affiliate, "affiliate.application-approved", affiliate.id.toString(),
                "Selamat! Pendaftaran affiliate Qutab Anda disetujui",
                Templates.applicationApproved(affiliate.firstName, affiliate.code, frontend.base() + "r/" + affiliate.code,
                        portal));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void rejected(Affiliate affiliate) {
        String portal = frontend.base() + "affiliate";
        // An affiliate may apply again after the cooldown and be rejected again: each rejection is its own mail.
        record(affiliate, "affiliate.application-rejected", affiliate.id + "@" + affiliate.rejectedAt,
                "Hasil pendaftaran affiliate Qutab",
                Templates.applicationRejected(affiliate.firstName, affiliate.rejectionReason, portal,
                        Math.max(0, config.reapplyCooldown().toDays())));
    }

    private void record(Affiliate affiliate, String template, String dedupeKey, String subject,
                        MailTemplateInstance body) {
        contacts.emailOf(affiliate.userId).ifPresentOrElse(
                to -> notifications.record(Message.mail(template, dedupeKey, to).withLocale("id").withSubject(subject)
                        .withBodies(RenderedBodies.of(body.templateInstance()))),
                () -> LOG.infof("affiliate %s: %s, no email known, no mail", affiliate.id, template));
    }
}
