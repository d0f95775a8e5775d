package id.qutab.commerce.family;

import id.qutab.platform.persistence.Sql;
import id.qutab.platform.problem.ProblemException;
import id.qutab.platform.reports.DayRange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The caller's family members and their birth dates. Every lookup is by (id, owner): another customer's member is
 * a 404, never a 403, so ids cannot be probed.
 */
@ApplicationScoped
public class FamilyDates {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    @Inject
    EntityManager em;

    @Inject
    FamilyConfig config;

    @Transactional
    public List<FamilyMemberView> list(UUID userId) {
        return FamilyMember.<FamilyMember>list("userId = ?1 order by createdAt, id", userId).stream()
                .map(FamilyMemberView::of).toList();
    }

    @Transactional
    public FamilyMemberView add(UUID userId, FamilyMemberInput input) {
        validate(input);
        // One customer's adds take turns, so two parallel requests cannot both pass the limit.
        Sql.column(em, "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) l", userId.toString());
        if (FamilyMember.count("userId", userId) >= config.maxMembers()) {
            throw ProblemException.rule("family-full",
                    "At most " + config.maxMembers() + " family members can be recorded.");
        }
        FamilyMember m = new FamilyMember();
        m.id = UUID.randomUUID();
        m.userId = userId;
        m.createdAt = Instant.now();
        apply(m, input);
        m.persist();
        return FamilyMemberView.of(m);
    }

    @Transactional
    public FamilyMemberView update(UUID userId, UUID id, FamilyMemberInput input) {
        validate(input);
        FamilyMember m = require(userId, id);
        apply(m, input);
        return FamilyMemberView.of(m);
    }

    /**
     * Also forgets the reminders sent for the member: their dates tell the birthday. A member recorded again is a
     * new person (new id) to the reminders either way.
     */
    @Transactional
    public void delete(UUID userId, UUID id) {
        FamilyMember m = require(userId, id);
        Sql.update(em, "DELETE FROM reminder_log WHERE person_id = ?1 AND user_id = ?2", m.id, userId);
        m.delete();
    }

    private static FamilyMember require(UUID userId, UUID id) {
        return FamilyMember.<FamilyMember>find("id = ?1 and userId = ?2", id, userId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Family member"));
    }

    private static void validate(FamilyMemberInput input) {
        // Not in the future in Jakarta: a child born today in Jakarta may be recorded while it is still yesterday in UTC.
        if (input.birthDate().isAfter(DayRange.today())) {
            throw ProblemException.invalid("birthDate", "must not be in the future");
        }
        if (input.birthDate().isBefore(EARLIEST)) {
            throw ProblemException.invalid("birthDate", "must not be before 1900-01-01");
        }
    }

    private static void apply(FamilyMember m, FamilyMemberInput input) {
        m.name = input.name().trim();
        m.relation = input.relation();
        m.birthDate = input.birthDate();
        m.updatedAt = Instant.now();
    }
}
