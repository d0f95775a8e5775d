package id.qutab.payout.payouts;

import id.qutab.platform.privacy.Masking;
import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.payout.affiliates.UserContact;
import id.qutab.payout.banks.BankCatalog;
import id.qutab.platform.money.Rupiah;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Tells the affiliate when a payout was paid, failed or was rejected. The mail is prepared inside the transaction
 * (with the contact from identity's events) and sent only after it committed, without making the admin wait.
 * No contact known (identity's event not here yet, or the user deleted) → no mail, logged.
 */
@ApplicationScoped
public class PayoutMails {

    private static final Logger LOG = Logger.getLogger(PayoutMails.class);

    @Inject
    Event<OutgoingMail> outgoing;

    @Inject
    ReactiveMailer mailer;

    @Inject
    BankCatalog banks;

    /** A mail ready to send; carries no more than the mail itself. */
    public record OutgoingMail(UUID payoutId, String to, String subject, String text) {
        @Override
        public String toString() {
            return "OutgoingMail[payout " + payoutId + "]";
        }
    }

    void paid(Payout payout) {
        prepare(payout, english -> english
                ? new String[]{"Your commission payout has been transferred — Qutab",
                "We have transferred your commission payout of %s to %s %s (%s).%nTransfer reference: %s%n%n"
                        .formatted(Rupiah.format(payout.amount), banks.nameOf(payout.bankCode),
                                Masking.lastFour(payout.accountNumber), payout.accountHolder, payout.transferReference)
                        + "The payout statement (PDF) is in your affiliate dashboard."}
                : new String[]{"Pembayaran komisi Anda telah ditransfer — Qutab",
                "Pembayaran komisi Anda sebesar %s telah kami transfer ke %s %s a.n. %s.%nReferensi transfer: %s%n%n"
                        .formatted(Rupiah.format(payout.amount), banks.nameOf(payout.bankCode),
                                Masking.lastFour(payout.accountNumber), payout.accountHolder, payout.transferReference)
                        + "Laporan pembayaran (PDF) tersedia di dasbor affiliate Anda."});
    }

    void failed(Payout payout) {
        prepare(payout, english -> english
                ? new String[]{"Your commission payout failed — Qutab",
                "The transfer of your commission payout of %s failed: %s%n%nThe amount is back in your available balance; please check your bank details and request again."
                        .formatted(Rupiah.format(payout.amount), payout.failureReason)}
                : new String[]{"Pembayaran komisi Anda gagal — Qutab",
                "Transfer pembayaran komisi Anda sebesar %s gagal: %s%n%nJumlah tersebut telah kembali ke saldo tersedia Anda; periksa data rekening Anda lalu ajukan kembali."
                        .formatted(Rupiah.format(payout.amount), payout.failureReason)});
    }

    void rejected(Payout payout) {
        prepare(payout, english -> english
                ? new String[]{"Your commission payout request was rejected — Qutab",
                "Your payout request of %s was rejected: %s%n%nThe amount is back in your available balance."
                        .formatted(Rupiah.format(payout.amount), payout.rejectionReason)}
                : new String[]{"Permintaan pembayaran komisi Anda ditolak — Qutab",
                "Permintaan pembayaran komisi Anda sebesar %s ditolak: %s%n%nJumlah tersebut telah kembali ke saldo tersedia Anda."
                        .formatted(Rupiah.format(payout.amount), payout.rejectionReason)});
    }

    private void prepare(Payout payout, java.util.function.Function<Boolean, String[]> content) {
        UUID userId = PayoutAccount.<PayoutAccount>findByIdOptional(payout.accountId).map(a -> a.userId).orElse(null);
        UserContact contact = userId == null ? null : UserContact.mailable(userId).orElse(null);
        if (contact == null) {
            LOG.infof("no contact for the affiliate of payout %s; no mail", payout.id);
            return;
        }
        boolean english = contact.locale != null && contact.locale.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        String[] subjectAndBody = content.apply(english);
        String greeting = (english ? "Hello " : "Halo ") + (contact.name == null ? "" : contact.name) + ",\n\n";
        String closing = english ? "\n\nRegards,\nQutab" : "\n\nSalam,\nTim Qutab";
        outgoing.fire(new OutgoingMail(payout.id, contact.email, subjectAndBody[0],
                greeting + subjectAndBody[1] + closing));
    }

    void send(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail mail) {
        try {
            mailer.send(Mail.withText(mail.to(), mail.subject(), mail.text())).subscribe().with(
                    sent -> LOG.infof("payout mail for %s sent", mail.payoutId()),
                    failure -> LOG.warnf("payout mail for %s failed: %s", mail.payoutId(),
                            failure.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            LOG.warnf("payout mail for %s could not be sent: %s", mail.payoutId(), e.getClass().getSimpleName());
        }
    }
}
