package id.qutab.commerce.coupons;

import id.qutab.commerce.attribution.AffiliateCode;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Admin maintenance of coupons, and the list an affiliate sees of its own. */
@ApplicationScoped
public class CouponAdministration {

    @Transactional
    public Page<CouponView> list(String q, Boolean active, UUID affiliateId, PageRequest page) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (q != null && !q.isBlank()) {
            where.add("code like :q");
            params.and("q", "%" + Coupon.normalize(q).replace("%", "").replace("_", "") + "%");
        }
        if (active != null) {
            where.add("active = :active");
            params.and("active", active);
        }
        if (affiliateId != null) {
            where.add("affiliateId = :affiliate");
            params.and("affiliate", affiliateId);
        }
        Sort sort = Sort.descending("createdAt").and("id");
        PanacheQuery<Coupon> query = where.isEmpty() ? Coupon.findAll(sort)
                : Coupon.find(String.join(" and ", where), sort, params);
        List<CouponView> items = query.page(page.page(), page.size()).<Coupon>list().stream().map(CouponView::of).toList();
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public Page<CouponView> ofAffiliateUser(UUID userId, PageRequest page) {
        return AffiliateCode.byUser(userId)
                .map(a -> list(null, null, a.affiliateId, page))
                .orElseGet(() -> new Page<>(List.of(), page.page(), page.size(), 0));
    }

    @Transactional
    public CouponView get(UUID id) {
        return CouponView.of(require(id, false));
    }

    @Transactional
    public CouponView create(CouponInput input) {
        Coupon c = new Coupon();
        c.id = UUID.randomUUID();
        c.createdAt = Instant.now();
        apply(c, input);
        c.persist();
        flushOrConflict();
        return CouponView.of(c);
    }

    @Transactional
    public CouponView update(UUID id, CouponInput input) {
        Coupon c = require(id, true);
        if (input.usageLimit() != null && input.usageLimit() < c.used) {
            throw ProblemException.conflict("usage-limit-below-used",
                    "The usage limit cannot be lower than the " + c.used + " redemptions already held.");
        }
        apply(c, input);
        flushOrConflict();
        return CouponView.of(c);
    }

    /** Two admins saving the same new code at once: the unique index decides, the loser gets a 409, not a 500. */
    private static void flushOrConflict() {
        try {
            Coupon.flush();
        } catch (jakarta.persistence.PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                        && "coupon_code".equals(violation.getConstraintName())) {
                    throw ProblemException.conflict("coupon-code-taken", "Another coupon already uses this code.");
                }
            }
            throw e;
        }
    }

    /** Only a coupon never redeemed can be deleted; otherwise deactivate it (orders keep referring to it). */
    @Transactional
    public void delete(UUID id) {
        Coupon c = require(id, true);
        long redemptions = CouponRedemptionRecord.count("couponId", id);
        if (redemptions > 0) {
            throw ProblemException.conflict("coupon-in-use",
                    "This coupon has been redeemed; set active to false instead of deleting it.");
        }
        c.delete();
    }

    private void apply(Coupon c, CouponInput input) {
        String code = Coupon.normalize(input.code());
        if (!code.equals(c.code) && Coupon.count("code = ?1 and id <> ?2", code, c.id) > 0) {
            throw ProblemException.conflict("coupon-code-taken", "Another coupon already uses this code.");
        }
        if (input.affiliateId() != null && AffiliateCode.findByIdOptional(input.affiliateId()).isEmpty()) {
            throw ProblemException.rule("unknown-affiliate", "No approved affiliate has this id.");
        }
        c.code = code;
        c.discountType = input.discountType();
        c.discountValue = input.discountValue();
        c.minPurchase = input.minPurchase();
        c.maxDiscount = input.maxDiscount();
        c.validFrom = input.validFrom();
        c.validUntil = input.validUntil();
        c.usageLimit = input.usageLimit();
        c.perCustomerLimit = input.perCustomerLimit();
        c.affiliateId = input.affiliateId();
        c.active = input.active() == null || input.active();
        c.updatedAt = Instant.now();
    }

    private static Coupon require(UUID id, boolean lock) {
        Coupon c = lock ? Coupon.findById(id, LockModeType.PESSIMISTIC_WRITE) : Coupon.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Coupon");
        }
        return c;
    }
}
