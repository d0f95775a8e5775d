package id.qutab.systemtests.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Zero-downtime migrations (deploy/README.md, "Migrations without downtime"): a migration only expands the schema;
 * a contract step (drop, rename, type change, SET NOT NULL, a new constraint on an existing table, ...) must say
 * why it is safe with a {@code -- contract: <reason>} comment, or wait for a later release.
 */
class MigrationsExpandContractTest {

    /**
     * Contract steps of migrations released before this check existed, reviewed once. Their justification cannot be
     * written into the files: a released migration is never edited, since Flyway checksums every line (comments
     * included) and would refuse to start every database that already ran it. Key: file and the statement's start.
     */
    static final Map<String, String> REVIEWED_BEFORE_THE_RULE = Map.of(
            "affiliate-service/src/main/resources/db/migration/V3__payout_rejected.sql ALTER TABLE payout_activity ADD CONSTRAINT payout_activity_status_check",
            "widens the check (dropped and re-added in one transaction with REJECTED added): every status the previous version writes still passes",
            "commerce-service/src/main/resources/db/migration/V3__sales_reports.sql ALTER TABLE customer_order ALTER COLUMN status_since SET NOT NULL",
            "backfilled just before, and the same migration's BEFORE INSERT trigger fills status_since from created_at (NOT NULL) for the previous version's inserts",
            "commerce-service/src/main/resources/db/migration/V7__loyalty_rewards.sql ALTER TABLE customer_order ADD CONSTRAINT customer_order_points_within_discount",
            "points_discount is added by the same migration with DEFAULT 0; the previous version never writes it, and discount is CHECK (discount >= 0)",
            "commerce-service/src/main/resources/db/migration/V7__loyalty_rewards.sql ALTER TABLE order_idempotency ADD CONSTRAINT order_idempotency_one_result",
            "redemption_id is added by the same migration; the previous version leaves it NULL, which always passes",
            "platform/core/src/main/resources/db/platform/V0_9__notification_delivery.sql CREATE UNIQUE INDEX notification_outbox_provider_message_id",
            "provider_message_id is added by the same migration; the previous version never writes it (NULLs are outside the partial index)");

    @Test
    void everyMigrationOfTheRepositoryOnlyExpandsOrJustifiesItsContractSteps() throws IOException {
        List<Path> migrations = migrations();
        assertTrue(migrations.size() >= 20, "found only " + migrations + ": is the scan looking in the right place?");
        List<String> unjustified = new ArrayList<>();
        Set<String> reviewedSeen = new HashSet<>();
        for (Path migration : migrations) {
            String file = Repo.DIR.relativize(migration).toString();
            for (ContractStatements.Finding f : ContractStatements.unjustified(Files.readString(migration))) {
                String reviewed = REVIEWED_BEFORE_THE_RULE.keySet().stream()
                        .filter(k -> (file + " " + f.statement()).startsWith(k)).findFirst().orElse(null);
                if (reviewed != null) {
                    reviewedSeen.add(reviewed);
                } else {
                    unjustified.add(file + " " + f);
                }
            }
        }
        assertEquals(List.of(), unjustified, "contract steps without a `-- contract: <why it is safe>` comment");
        assertEquals(REVIEWED_BEFORE_THE_RULE.keySet(), reviewedSeen, "a reviewed entry no longer matches its migration");
    }

    @Test
    void eachContractStatementIsFound() {
        String sql = """
                CREATE TABLE fresh (id INT PRIMARY KEY, note TEXT NOT NULL);
                ALTER TABLE fresh ADD CONSTRAINT fresh_note CHECK (length(note) > 0);
                ALTER TABLE customer_order DROP COLUMN legacy_note;
                DROP TABLE old_stats;
                ALTER TABLE customer_order RENAME COLUMN total TO grand_total;
                ALTER TABLE coupon RENAME TO voucher;
                ALTER TABLE payment ALTER COLUMN amount TYPE NUMERIC(18, 2);
                ALTER TABLE payment ALTER COLUMN paid_at SET NOT NULL;
                ALTER TABLE payment ADD COLUMN channel TEXT NOT NULL;
                ALTER TABLE payment ADD COLUMN region TEXT NOT NULL DEFAULT 'id';
                ALTER TABLE payment ADD CONSTRAINT payment_positive CHECK (amount > 0);
                CREATE UNIQUE INDEX payment_reference ON payment (reference);
                CREATE INDEX payment_by_time ON payment (paid_at);
                ALTER TABLE payment ALTER COLUMN note DROP NOT NULL;
                CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DROP TABLE x; RETURN NEW; END $$;
                """;
        List<Integer> lines = ContractStatements.unjustified(sql).stream().map(ContractStatements.Finding::line).toList();
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 11, 12), lines, ContractStatements.unjustified(sql).toString());
    }

    @Test
    void aJustifiedContractStatementPassesAndAnEmptyJustificationDoesNot() {
        assertTrue(ContractStatements.unjustified("""
                -- contract: legacy_note has been unread since V3 and unwritten since V4; both versions are gone
                ALTER TABLE customer_order DROP COLUMN legacy_note;
                """).isEmpty());
        assertFalse(ContractStatements.unjustified("""
                -- contract:
                ALTER TABLE customer_order DROP COLUMN legacy_note;
                """).isEmpty());
        // a justification covers the one statement it stands before
        var findings = ContractStatements.unjustified("""
                -- contract: the column has been unused since V3
                ALTER TABLE a DROP COLUMN b;
                ALTER TABLE a DROP COLUMN c;
                """);
        assertEquals(1, findings.size(), findings.toString());
        assertTrue(findings.get(0).statement().endsWith("DROP COLUMN c"), findings.toString());
    }

    /** Every module's src/main/resources/db/migration*\/**.sql and the platform's db/platform scripts. */
    static List<Path> migrations() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String module : Repo.modules()) {
            Path db = Repo.DIR.resolve(module).resolve("src/main/resources/db");
            if (!Files.isDirectory(db)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(db)) {
                walk.filter(p -> p.toString().endsWith(".sql"))
                        .filter(p -> db.relativize(p).getName(0).toString().matches("migration.*|platform"))
                        .forEach(out::add);
            }
        }
        return out;
    }
}
