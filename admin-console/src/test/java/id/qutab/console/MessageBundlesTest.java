package id.qutab.console;

import io.quarkus.qute.i18n.MessageBundle;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every word of the console exists in English too: each message bundle interface (Indonesian in its annotations) has
 * exactly its keys in {@code messages/<bundle>_en.properties}. Qute checks the templates against the interfaces at
 * build time; this checks the translation files, which it would otherwise fill from Indonesian silently.
 */
class MessageBundlesTest {

    @Test
    void everyBundleHasEveryKeyInEnglishAndNoStaleOnes() throws Exception {
        List<Class<?>> bundles = bundles();
        assertFalse(bundles.isEmpty(), "no message bundles found under target/classes");
        for (Class<?> bundle : bundles) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            if (MessageBundle.DEFAULTED_NAME.equals(name)) {
                name = MessageBundle.DEFAULT_NAME;
            }
            Properties english = new Properties();
            try (InputStream in = bundle.getClassLoader().getResourceAsStream("messages/" + name + "_en.properties")) {
                assertNotNull(in, "messages/" + name + "_en.properties is missing for " + bundle.getSimpleName());
                english.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            TreeSet<String> keys = new TreeSet<>();
            for (Method method : bundle.getDeclaredMethods()) {
                keys.add(method.getName());
            }
            assertEquals(keys, new TreeSet<>(english.stringPropertyNames()),
                    bundle.getSimpleName() + " and messages/" + name + "_en.properties differ");
        }
    }

    private static List<Class<?>> bundles() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (var walk = Files.walk(classes)) {
            for (Path file : walk.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("$")).toList()) {
                String className = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(className, false, MessageBundlesTest.class.getClassLoader());
                if (type.isInterface() && type.isAnnotationPresent(MessageBundle.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
