package id.qutab.payout.payouts;

import id.qutab.platform.privacy.Masking;
import id.qutab.payout.accounts.PayoutAccount;
import id.qutab.payout.affiliates.UserContact;
import id.qutab.payout.banks.BankCatalog;
import id.qutab.platform.money.Rupiah;
import id.qutab.platform.notify.Message;
import id.qutab.platform.notify.Notifications;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Tells the affiliate when a payout was paid, failed or was rejected. The mail is rendered inside the transaction
 * (with the contact from identity's events) and recorded with the platform's {@link Notifications}, which sends it
 * after the commit (retrying while SMTP is down) without making the admin wait. One mail per payout and outcome
 * (dedupe key: the payout id; template {@code payout.paid|failed|rejected}).
 * No contact known (identity's event not here yet, or the user deleted) → no mail, logged.
 */
@ApplicationScoped
public class PayoutMails {

    private static final Logger LOG = Logger.getLogger(PayoutMails.class);

    @Inject
    Notifications notifications;

    @Inject
    BankCatalog banks;

    void paid(Payout payout) {
        prepare("payout.paid", payout, english -> english
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
        prepare("payout.failed", payout, english -> english
                ? new String[]{"Your commission payout failed — Qutab",
                "The transfer of your commission payout of %s failed: %s%n%nThe amount is back in your available balance; please check your bank details and request again."
                        .formatted(Rupiah.format(payout.amount), payout.failureReason)}
                : new String[]{"Pembayaran komisi Anda gagal — Qutab",
                "Transfer pembayaran komisi Anda sebesar %s gagal: %s%n%nJumlah tersebut telah kembali ke saldo tersedia Anda; periksa data rekening Anda lalu ajukan kembali."
                        .formatted(Rupiah.format(payout.amount), payout.failureReason)});
    }

    void rejected(Payout payout) {
        prepare("payout.rejected", payout, english -> english
                ? new String[]{"Your commission payout request was rejected — Qutab",
                "Your payout request of %s was rejected: %s%n%nThe amount is back in your available balance."
                        .formatted(Rupiah.format(payout.amount), payout.rejectionReason)}
                : new String[]{"Permintaan pembayaran komisi Anda ditolak — Qutab",
                "Permintaan pembayaran komisi Anda sebesar %s ditolak: %s%n%nJumlah tersebut telah kembali ke saldo tersedia Anda."
                        .formatted(Rupiah.format(payout.amount), payout.rejectionReason)});
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void prepare(String template, Payout payout, java.util.function.Function<Boolean, String[]> content) {
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
        notifications.record(Message.mail(template, payout.id.toString(), contact.email)
                .withLocale(english ? "en" : "id")
                .withSubject(subjectAndBody[0])
                .withText(greeting + subjectAndBody[1] + closing));
    }
}
