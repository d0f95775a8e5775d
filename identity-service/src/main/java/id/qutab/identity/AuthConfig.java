package id.qutab.identity;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Credentials, sessions and one-time links: {@code qutab.auth.*}. */
@ConfigMapping(prefix = "qutab.auth")
public interface AuthConfig {

    /** bcrypt cost factor; at least 10. */
    @WithDefault("10")
    int bcryptCost();

    /** How long a refresh token can be used; each refresh issues a new one with a fresh lifetime. */
    @WithDefault("30d")
    Duration refreshTokenTtl();

    /** How long an email verification link is valid. */
    @WithDefault("24h")
    Duration emailVerificationTtl();

    /** How long a password reset link is valid. */
    @WithDefault("1h")
    Duration passwordResetTtl();

    /** Mails of one kind (verification, reset) sent to one account per hour at most; more are dropped silently. */
    @WithDefault("3")
    int mailsPerHour();

    Throttle throttle();

    interface Throttle {
        /** The sliding window failed logins are counted in. */
        @WithDefault("15m")
        Duration window();

        /**
         * Password checks for one email within the window; the attempt over it gets 429 (counted atomically before
         * the check, so parallel guesses cannot exceed it). A correct password clears the count.
         */
        @WithDefault("5")
        int maxFailuresPerAccount();

        /**
         * Failed checks from one client address within the window before attempts from it are slowed down. Never a
         * lockout: one carrier address (CGNAT) can carry thousands of honest users.
         */
        @WithDefault("20")
        int addressFreeFailures();

        /** Added wait per failure of the address at or past {@code address-free-failures}. */
        @WithDefault("100ms")
        Duration addressDelayStep();

        /** The longest wait an attempt from a busy address gets. */
        @WithDefault("2s")
        Duration addressMaxDelay();

        /**
         * Take the client address from the first hop of {@code X-Forwarded-For} (set by the gateway).
         * Turn off only when the service is reachable without the gateway.
         */
        @WithDefault("true")
        boolean trustForwardedFor();
    }
}
