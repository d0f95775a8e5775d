package id.qutab.console;

import id.qutab.console.coupons.CouponTexts;
import id.qutab.console.faq.FaqTexts;
import id.qutab.console.orders.OrderTexts;
import id.qutab.console.products.ProductTexts;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import org.junit.jupiter.api.Test;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The orders, products, coupons and FAQ pages in English: every Indonesian message has its English line, with the
 * same parameters, and the English file has no line the bundle does not know (a missing line would show Indonesian
 * on an English page without any error).
 */
class OrderCatalogBundlesTest {

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    @Test
    void everyMessageHasItsEnglishLineWithTheSameParameters() throws IOException {
        for (Class<?> bundle : new Class<?>[] {OrderTexts.class, ProductTexts.class, CouponTexts.class,
                FaqTexts.class}) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Properties english = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages/" + name + "_en.properties")) {
                assertNotNull(in, "messages/" + name + "_en.properties");
                english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> keys = new TreeSet<>();
            for (Method method : bundle.getDeclaredMethods()) {
                keys.add(method.getName());
                String en = english.getProperty(method.getName());
                assertNotNull(en, name + "." + method.getName() + " has no English line");
                assertEquals(params(method.getAnnotation(Message.class).value()), params(en),
                        name + "." + method.getName() + " parameters");
                assertEquals(Arrays.stream(method.getParameters()).map(p -> p.getName()).collect(Collectors.toSet())
                        .size(), params(en).size(), name + "." + method.getName() + " uses each parameter");
            }
            assertEquals(keys, new TreeSet<>(english.stringPropertyNames()), name + "_en.properties keys");
        }
    }

    private static Set<String> params(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
