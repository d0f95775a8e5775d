package id.qutab.affiliate.applications;

import id.qutab.platform.web.FrontendConfig;
import id.qutab.affiliate.users.UserContacts;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * The applicant hears the decision by mail (Indonesian, Qute templates {@code templates/mail/application*}).
 * Requested inside the deciding transaction, sent only after it committed, without making the admin wait.
 * The address comes from the user projection; an applicant whose account is not known here yet gets no mail
 * (the portal shows the decision anyway).
 */
@ApplicationScoped
public class ApplicationMails {

    private static final Logger LOG = Logger.getLogger(ApplicationMails.class);

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native MailTemplateInstance applicationApproved(String name, String code, String link, String portal);

        static native MailTemplateInstance applicationRejected(String name, String reason, String portal, long cooldownDays);
    }

    /** A decision mail to send after commit. */
    public record DecisionMail(boolean approved, UUID affiliateId, String to, String name, String code, String reason) {
        @Override
        public String toString() {
            return "DecisionMail[" + (approved ? "approved" : "rejected") + " " + affiliateId + "]";
        }
    }

    @Inject
    Event<DecisionMail> outgoing;

    @Inject
    UserContacts contacts;

    @Inject
    FrontendConfig frontend;

    @Inject
    ApplicationConfig config;

    void approved(Affiliate affiliate) {
        contacts.emailOf(affiliate.userId).ifPresentOrElse(
                to -> outgoing.fire(new DecisionMail(true, affiliate.id, to, affiliate.firstName, affiliate.code, null)),
                () -> LOG.infof("affiliate %s approved; no email known, no mail sent", affiliate.id));
    }

    void rejected(Affiliate affiliate) {
        contacts.emailOf(affiliate.userId).ifPresentOrElse(
                to -> outgoing.fire(new DecisionMail(false, affiliate.id, to, affiliate.firstName, null,
                        affiliate.rejectionReason)),
                () -> LOG.infof("affiliate %s rejected; no email known, no mail sent", affiliate.id));
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) DecisionMail mail) {
        try {
            String portal = frontend.base() + "affiliate";
            MailTemplateInstance instance = mail.approved()
                    ? Templates.applicationApproved(mail.name(), mail.code(), frontend.base() + "r/" + mail.code(), portal)
                    .subject("Selamat! Pendaftaran affiliate Qutab Anda disetujui")
                    : Templates.applicationRejected(mail.name(), mail.reason(), portal,
                    Math.max(0, config.reapplyCooldown().toDays()))
                    .subject("Hasil pendaftaran affiliate Qutab");
            instance.to(mail.to()).send().subscribe().with(
                    sent -> LOG.infof("%s sent", mail),
                    failure -> LOG.warnf("%s failed: %s", mail, failure.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            LOG.warnf("%s could not be rendered: %s", mail, e.getClass().getSimpleName());
        }
    }
}
