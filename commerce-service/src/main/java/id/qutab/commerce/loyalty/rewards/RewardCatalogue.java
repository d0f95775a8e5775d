package id.qutab.commerce.loyalty.rewards;

import id.qutab.commerce.loyalty.LoyaltyLedger;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.web.Page;
import id.qutab.platform.web.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The admin's maintenance of the reward catalogue, and what a customer can redeem now. */
@ApplicationScoped
public class RewardCatalogue {

    @Inject
    LoyaltyLedger ledger;

    @Transactional
    public Page<RewardView> list(Boolean active, PageRequest page) {
        Sort sort = Sort.descending("createdAt").and("id");
        PanacheQuery<Reward> query = active == null ? Reward.findAll(sort)
                : Reward.find("active = :active", sort, Parameters.with("active", active));
        List<RewardView> items = query.page(page.page(), page.size()).<Reward>list().stream().map(RewardView::of).toList();
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public RewardView get(UUID id) {
        return RewardView.of(require(id, false));
    }

    @Transactional
    public RewardView create(RewardInput input) {
        Reward r = new Reward();
        r.id = UUID.randomUUID();
        r.createdAt = Instant.now();
        apply(r, input);
        r.persist();
        return RewardView.of(r);
    }

    /** Under the reward's row lock, so the stock cannot be set below what a concurrent redemption just took. */
    @Transactional
    public RewardView update(UUID id, RewardInput input) {
        Reward r = require(id, true);
        if (input.stock() != null && input.stock() < r.redeemed) {
            throw ProblemException.conflict("stock-below-redeemed",
                    "The stock cannot be lower than the " + r.redeemed + " redemptions already made.");
        }
        apply(r, input);
        return RewardView.of(r);
    }

    /** Deactivates: redemptions (and orders) keep referring to it. */
    @Transactional
    public void delete(UUID id) {
        Reward r = require(id, true);
        r.active = false;
        r.updatedAt = Instant.now();
    }

    /** Active, within validity, in stock, and affordable with the caller's balance, cheapest first. */
    @Transactional
    public List<AvailableReward> available(UUID userId) {
        long balance = ledger.balance(userId);
        Instant now = Instant.now();
        return Reward.<Reward>find("""
                        active = true and pointsCost <= ?1 and (validFrom is null or validFrom <= ?2)
                        and (validUntil is null or validUntil > ?2) and (stock is null or redeemed < stock)""",
                        Sort.ascending("pointsCost").and("name").and("id"), balance, now)
                .list().stream().map(AvailableReward::of).toList();
    }

    private static void apply(Reward r, RewardInput in) {
        r.name = in.name().trim();
        r.description = in.description() == null || in.description().isBlank() ? null : in.description().trim();
        r.pointsCost = in.pointsCost();
        r.kind = in.kind();
        r.value = in.value();
        r.stock = in.stock();
        r.validFrom = in.validFrom();
        r.validUntil = in.validUntil();
        r.active = in.active() == null || in.active();
        r.updatedAt = Instant.now();
    }

    private static Reward require(UUID id, boolean lock) {
        Reward r = lock ? Reward.findById(id, LockModeType.PESSIMISTIC_WRITE) : Reward.findById(id);
        if (r == null) {
            throw ProblemException.notFound("Reward");
        }
        return r;
    }
}
