package id.qutab.console.affiliates;

import id.qutab.console.bankaccounts.BankAccountTexts;
import id.qutab.console.payouts.PayoutTexts;
import io.quarkus.qute.i18n.Message;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The affiliate, bank account and payout pages are complete in English: every Indonesian message has its English
 * key (Qute would silently fall back to Indonesian), no English key is orphaned, and both use the same
 * placeholders (an English confirmation that dropped {@code {amount}} would ask about a payout without its amount).
 */
class SectionTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z_][a-zA-Z0-9_.]*)}");

    static Stream<Arguments> bundles() {
        return Stream.of(Arguments.of(AffiliateTexts.class, "affiliates"),
                Arguments.of(BankAccountTexts.class, "bankaccounts"),
                Arguments.of(PayoutTexts.class, "payouts"));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyMessageIsInEnglishWithTheSamePlaceholders(Class<?> bundle, String name) throws IOException {
        Properties english = new Properties();
        try (InputStream in = SectionTextsTest.class.getResourceAsStream("/messages/" + name + "_en.properties")) {
            assertNotNull(in, "messages/" + name + "_en.properties");
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(keys, new TreeSet<>(english.stringPropertyNames()), name + ": Indonesian keys vs English keys");
        for (Method method : bundle.getDeclaredMethods()) {
            String indonesian = method.getAnnotation(Message.class).value();
            assertEquals(placeholders(indonesian), placeholders(english.getProperty(method.getName())),
                    name + "." + method.getName());
        }
    }

    private static Set<String> placeholders(String message) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(message);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
