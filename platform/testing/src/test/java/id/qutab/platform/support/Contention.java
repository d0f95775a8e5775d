package id.qutab.platform.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Transactions that really collide in PostgreSQL, and a count of how often each caller's method body ran, so a
 * test sees every retry.
 */
@ApplicationScoped
public class Contention {

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    /** Both first attempts meet here holding their first row, so each then waits for the other's. */
    private volatile CyclicBarrier meeting = new CyclicBarrier(2);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Inner inner;

    @Inject
    TransactionSynchronizationRegistry synchronizations;

    /** Adds one to both rows, locking {@code first} then {@code second}. */
    @Transactional
    public void addToBoth(String caller, int first, int second) {
        int attempt = count(caller);
        sql("UPDATE counters SET value = value + 1 WHERE id = " + first);
        if (attempt == 1) {
            try {
                meeting.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other transaction never came", e);
            }
        }
        sql("UPDATE counters SET value = value + 1 WHERE id = " + second);
    }

    /**
     * Like {@link #addToBoth}, but the second row is written while committing, as Hibernate flushes: the deadlock
     * then surfaces from the commit itself.
     */
    @Transactional
    public void addToBothAtCommit(String caller, int first, int second) {
        int attempt = count(caller);
        sql("UPDATE counters SET value = value + 1 WHERE id = " + first);
        if (attempt == 1) {
            try {
                meeting.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the other transaction never came", e);
            }
        }
        synchronizations.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                sql("UPDATE counters SET value = value + 1 WHERE id = " + second);
            }

            @Override
            public void afterCompletion(int status) {
            }
        });
    }

    /** Fails with a real PostgreSQL error of this SQLSTATE on every attempt. */
    @Transactional
    public void alwaysFails(String caller, String sqlState) {
        count(caller);
        raise(sqlState);
    }

    /** A transaction that joins the caller's: the outer boundary, not this one, decides on retries. */
    @Transactional
    public void outerCallingJoined(String caller) {
        count(caller);
        inner.joined(caller + "/inner");
    }

    /** A transaction that suspends the caller's: its own boundary, retried while the outer one is active. */
    @Transactional
    public void outerCallingRequiresNew(String caller) {
        count(caller);
        sql("UPDATE counters SET value = value + 1 WHERE id = 1");
        inner.ownTransactionFailingOnce(caller + "/inner");
    }

    /** How often the body of a method ran for this caller (tests use a fresh caller each). */
    public int attempts(String caller) {
        AtomicInteger n = attempts.get(caller);
        return n == null ? 0 : n.get();
    }

    public void newMeeting() {
        meeting = new CyclicBarrier(2);
    }

    /** A statement that fails with this SQLSTATE on the first {@code failures} attempts of this caller. */
    public void failFirst(String caller, int failures, String sqlState) {
        if (count(caller) <= failures) {
            raise(sqlState);
        }
        sql("UPDATE counters SET value = value + 1 WHERE id = 1");
    }

    int count(String caller) {
        return attempts.computeIfAbsent(caller, k -> new AtomicInteger()).incrementAndGet();
    }

    void raise(String sqlState) {
        sql("DO $$ BEGIN RAISE EXCEPTION 'contended' USING ERRCODE = '" + sqlState + "'; END $$");
    }

    void sql(String statement) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @ApplicationScoped
    public static class Inner {

        @Inject
        Contention contention;

        @Transactional
        public void joined(String caller) {
            contention.count(caller);
            contention.raise("40001");
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void ownTransactionFailingOnce(String caller) {
            int attempt = contention.count(caller);
            contention.sql("UPDATE counters SET value = value + 1 WHERE id = 2");
            if (attempt == 1) {
                contention.raise("40P01");
            }
        }
    }
}
