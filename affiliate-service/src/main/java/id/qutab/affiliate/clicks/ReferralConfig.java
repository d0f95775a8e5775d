package id.qutab.affiliate.clicks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code /r/{code}}: the cookie, the redirect allow-list, visitor hashing and the click buffer. */
@ConfigMapping(prefix = "qutab.referral")
public interface ReferralConfig {

    /** Lifetime of the {@code qutab_ref} cookie: the attribution window. */
    @WithDefault("30")
    int cookieDays();

    /** Adds {@code Secure} to the cookie; by default when {@code qutab.frontend.base-url} is https. */
    Optional<Boolean> cookieSecure();

    /**
     * Salt of the visitor hash, SHA-256(salt, IP, user agent). A secret: without it, a hash of a known IP and
     * user agent could be recomputed. Required (no default) in production.
     */
    String visitorSalt();

    /** Hosts {@code ?to=} may send visitors to, besides the frontend's own host. Exact names, case-insensitive. */
    Optional<List<String>> allowedRedirectHosts();

    /** The visitor's IP is the first hop of {@code X-Forwarded-For} (set by the gateway), else the peer address. */
    @WithDefault("true")
    boolean trustForwardedFor();

    /** Base of the shareable links ({@code {base}r/{code}}); the frontend base URL unless set. */
    Optional<String> linkBaseUrl();

    /**
     * The text of the share links in {@code /api/affiliate/link} (WhatsApp and X put the referral URL after it).
     * Affiliates have no share text of their own yet (the profile's bio describes the person, not an invitation).
     */
    @WithDefault("Yuk tunaikan qurban & aqiqah bersama Qutab 🐐 Hewan sehat, penyaluran terdokumentasi.")
    String shareText();

    /** Clicks held in memory between flushes; beyond this, clicks are still redirected but not recorded. */
    @WithDefault("100000")
    int clickBufferCapacity();

    /** Largest batch written in one transaction. */
    @WithDefault("5000")
    int clickBatchSize();

    /** How often the buffer is written to the database (the scheduler ticks once a second at most). */
    @WithDefault("1s")
    Duration clickFlushInterval();

    /** A visitor counts once per affiliate within this window. */
    @WithDefault("24h")
    Duration uniqueWindow();

    /** Raw clicks older than this many days are removed by click-cleanup (their numbers stay in daily_stats). */
    @WithDefault("90")
    int clickRetentionDays();

    /** How often each instance checks whether codes changed elsewhere (one-row read). */
    @WithDefault("2s")
    Duration codeRefresh();

    /** More user-agent fragments (lower case) that mark a bot, on top of the built-in list. */
    Optional<List<String>> botPatterns();
}
