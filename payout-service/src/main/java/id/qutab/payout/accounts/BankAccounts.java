package id.qutab.payout.accounts;

import id.qutab.payout.banks.Bank;
import id.qutab.payout.banks.BankCatalog;
import id.qutab.payout.ktp.KtpDocument;
import id.qutab.payout.ktp.KtpVault;
import id.qutab.payout.payouts.PayoutLock;
import id.qutab.platform.privacy.Masking;
import id.qutab.platform.problem.Problem;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Bank details of payout accounts: the affiliate's own view and change, the admin review queue and decisions. */
@ApplicationScoped
public class BankAccounts {

    public static final String NIK_FIELD = "nik";

    @Inject
    BankCatalog banks;

    @Inject
    KtpVault vault;

    @Inject
    PayoutLock lock;

    // --- the affiliate ------------------------------------------------------------------------------

    @Transactional
    public AccountView viewOwn(UUID userId) {
        PayoutAccount account = PayoutAccount.byUser(userId).orElseThrow(() -> new ProblemException(Problem.of(404,
                "no-payout-account", "Not found",
                "There is no payout account yet: it opens when the affiliate application is approved.")));
        return ownView(account, KtpDocument.presentFor(account.id));
    }

    @Transactional
    public AccountView update(UUID userId, BankDetailsRequest request) {
        Bank bank = checkBank(request);
        AccountKey key = requireAccountOf(userId);
        lock.lock(key.affiliateId());
        PayoutAccount account = PayoutAccount.findById(key.id());
        String holder = request.accountHolder().trim().replaceAll("\\s+", " ");
        boolean ktpPresent = KtpDocument.presentFor(account.id);
        boolean unchanged = account.hasDetails()
                && bank.code().equals(account.bankCode)
                && request.accountNumber().equals(account.accountNumber)
                && holder.equals(account.accountHolder)
                && request.nik().equals(vault.openField(NIK_FIELD, account.id, account.nikSealed));
        if (!unchanged) {
            account.bankCode = bank.code();
            account.accountNumber = request.accountNumber();
            account.accountHolder = holder;
            account.nikSealed = vault.sealField(NIK_FIELD, account.id, request.nik());
            account.resetVerification(ktpPresent, Instant.now());
        }
        return ownView(account, ktpPresent);
    }

    /** The account of an affiliate user, or 422: bank details, KTP and payouts need an approved affiliate. */
    public static AccountKey requireAccountOf(UUID userId) {
        return PayoutAccount.keyOfUser(userId).orElseThrow(() -> ProblemException.rule("affiliate-not-approved",
                "There is no payout account yet: it opens when the affiliate application is approved."));
    }

    private Bank checkBank(BankDetailsRequest request) {
        Bank bank = banks.find(request.bankCode()).orElseThrow(() -> invalid("bankCode",
                "unknown bank; see GET /api/affiliate/bank-account/banks"));
        if (!bank.acceptsAccountNumber(request.accountNumber())) {
            throw invalid("accountNumber", bank.code() + " account numbers have "
                    + lengths(bank.accountNumberLengths()) + " digits");
        }
        return bank;
    }

    private static String lengths(List<Integer> lengths) {
        List<String> text = lengths.stream().map(String::valueOf).toList();
        return text.size() == 1 ? text.get(0) : String.join(" or ", text);
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalid(field, message);
    }

    // --- admins -------------------------------------------------------------------------------------

    @Transactional
    public Page<AdminAccountView> list(String status, UUID affiliateId, UUID userId, PageRequest page) {
        VerificationStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (wanted != null) {
            where.append(" and verificationStatus = :status");
            params.and("status", wanted);
        }
        if (affiliateId != null) {
            where.append(" and affiliateId = :affiliate");
            params.and("affiliate", affiliateId);
        }
        if (userId != null) {
            where.append(" and userId = :user");
            params.and("user", userId);
        }
        // Oldest change first: the review queue reads from the top.
        PanacheQuery<PayoutAccount> query = PayoutAccount.find(where.toString(),
                Sort.by("detailsUpdatedAt", Sort.NullPrecedence.NULLS_LAST).and("id"), params);
        List<PayoutAccount> accounts = query.page(io.quarkus.panache.common.Page.of(page.page(), page.size())).list();
        Map<UUID, Instant> ktp = KtpDocument.uploadedAtOf(accounts.stream().map(a -> a.id).toList());
        List<AdminAccountView> items = new ArrayList<>();
        for (PayoutAccount account : accounts) {
            items.add(adminView(account, ktp.get(account.id)));
        }
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public AdminAccountView get(UUID accountId) {
        PayoutAccount account = PayoutAccount.<PayoutAccount>findByIdOptional(accountId)
                .orElseThrow(() -> ProblemException.notFound("Bank account"));
        return adminView(account, KtpDocument.currentOf(account.id).map(d -> d.uploadedAt).orElse(null));
    }

    @Transactional
    public AdminAccountView verify(UUID accountId, UUID admin, Integer expectedVersion) {
        PayoutAccount account = lockedAccount(accountId);
        account.verify(admin, expectedVersion, Instant.now());
        return adminView(account, KtpDocument.currentOf(account.id).map(d -> d.uploadedAt).orElse(null));
    }

    @Transactional
    public AdminAccountView reject(UUID accountId, UUID admin, String reason) {
        PayoutAccount account = lockedAccount(accountId);
        account.reject(admin, reason.trim(), Instant.now());
        return adminView(account, KtpDocument.currentOf(account.id).map(d -> d.uploadedAt).orElse(null));
    }

    private PayoutAccount lockedAccount(UUID accountId) {
        AccountKey key = PayoutAccount.keyOf(accountId).orElseThrow(() -> ProblemException.notFound("Bank account"));
        lock.lock(key.affiliateId());
        return PayoutAccount.findById(key.id());
    }

    static VerificationStatus parseStatus(String status) {
        try {
            return VerificationStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(VerificationStatus.values()));
        }
    }

    // --- views --------------------------------------------------------------------------------------

    AccountView ownView(PayoutAccount a, boolean ktpUploaded) {
        String nik = a.nikSealed == null ? null : Masking.lastFour(vault.openField(NIK_FIELD, a.id, a.nikSealed));
        return new AccountView(a.bankCode, a.bankCode == null ? null : banks.nameOf(a.bankCode),
                Masking.lastFour(a.accountNumber), a.accountHolder, nik, a.verificationStatus, a.rejectionReason,
                ktpUploaded, a.detailsUpdatedAt, a.verifiedAt);
    }

    AdminAccountView adminView(PayoutAccount a, Instant ktpUploadedAt) {
        String nik = a.nikSealed == null ? null : vault.openField(NIK_FIELD, a.id, a.nikSealed);
        Bank bank = banks.byCode(a.bankCode).orElse(null);
        return new AdminAccountView(a.id, a.affiliateId, a.userId, a.affiliateCode, a.bankCode,
                bank == null ? a.bankCode : bank.name(), bank == null ? null : bank.clearingCode(), a.accountNumber,
                a.accountHolder, nik, a.verificationStatus, a.rejectionReason, ktpUploadedAt != null, ktpUploadedAt,
                a.detailsVersion, a.detailsUpdatedAt, a.verifiedAt, a.verifiedBy, a.rejectedAt, a.openedAt);
    }

    /** The account view after a KTP change, for the upload's answer. */
    @Transactional
    public AccountView viewOwnAfterKtp(UUID accountId) {
        PayoutAccount account = PayoutAccount.findById(accountId);
        return ownView(Objects.requireNonNull(account), true);
    }
}
