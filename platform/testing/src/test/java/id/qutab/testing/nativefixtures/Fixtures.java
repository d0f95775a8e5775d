package id.qutab.testing.nativefixtures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.qutab.platform.outbox.Outbox;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;

/**
 * Classes NativeReadinessTest scans: each {@code Bad*} breaks one rule of {@code NativeReadiness}, each
 * {@code Good*} follows it. Never loaded: the check reads their class files.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** The old identity SecureTokens: a SecureRandom made by the class initialiser. */
    static final class BadFrozenRandom {
        private static final SecureRandom RANDOM = new SecureRandom();

        static int next() {
            return RANDOM.nextInt();
        }
    }

    /** A start time read while the image is built. */
    static final class BadBuildTimeClock {
        static final Instant STARTED = started();

        private static Instant started() {
            return Instant.now();
        }
    }

    /** The old commerce InvoicePdf: an OpenPDF font with a java.awt.Color, made by the class initialiser. */
    static final class BadStaticAwtColor {
        static final java.awt.Color GREEN = new java.awt.Color(0x1B, 0x5E, 0x20);
    }

    /** Indonesian dates, with no quarkus.locales (the fixtures have no application.properties): English in native. */
    static final class BadLocale {
        String day(java.time.LocalDate date) {
            return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("id-ID"))
                    .format(date);
        }

        String english(java.time.LocalDate date) {
            return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("en-GB"))
                    .format(date);
        }
    }

    /** Made on first use at run time: fine. */
    static final class GoodLazyRandom {
        private static volatile SecureRandom random;

        static SecureRandom random() {
            if (random == null) {
                random = new SecureRandom();
            }
            return random;
        }
    }

    record BadReadInto(String name) {
    }

    record BadNested(int n) {
    }

    @RegisterForReflection
    record GoodWrittenButHoldsBad(List<BadNested> items) {
    }

    record BadOutboxPayload(String id) {
    }

    @RegisterForReflection
    record GoodOutboxPayload(String id) {
    }

    record BadReadAsList(String name) {
    }

    static final class Uses {
        private static final TypeReference<List<BadReadAsList>> LIST = new TypeReference<>() {
        };

        Object readList(ObjectMapper json) throws JsonProcessingException {
            return json.readValue("[]", LIST);
        }

        Object read(ObjectMapper json) throws JsonProcessingException {
            return json.readValue("{}", BadReadInto.class);
        }

        String write(ObjectMapper json) throws JsonProcessingException {
            return json.writeValueAsString(new GoodWrittenButHoldsBad(List.of()));
        }

        void publish(Outbox outbox) {
            outbox.record("fixture.bad", "1", new BadOutboxPayload("1"));
            outbox.record("fixture.good", "1", new GoodOutboxPayload("1"));
        }
    }
}
