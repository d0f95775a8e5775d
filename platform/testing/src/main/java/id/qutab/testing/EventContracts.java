package id.qutab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The fixtures of {@code contracts/events/} (read relative to the module directory, Maven's working directory for
 * tests) and the producer-side check against them: an emitted payload has the fixture's field names at every level,
 * of the same JSON types. A {@code null} on either side stands for an optional value; arrays compare by their first
 * element.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /** The fixture's text, e.g. {@code fixture("commerce.loyalty")} for {@code contracts/events/commerce.loyalty.json}. */
    public static String fixture(String name) {
        try {
            return Files.readString(Path.of("..", "contracts", "events", name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode fixtureTree(String name) {
        return read(fixture(name));
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exactly the fixture's fields, of its JSON types. */
    public static void assertSameShape(String fixture, JsonNode emitted) {
        assertSameShape(fixture, emitted, Set.of());
    }

    /**
     * The fixture's fields except the top-level {@code leftOut} ones (a producer that leaves out fields that do not
     * apply: the fixture is its fullest shape), of its JSON types.
     */
    public static void assertSameShape(String fixture, JsonNode emitted, Set<String> leftOut) {
        JsonNode expected = fixtureTree(fixture).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) expected).remove(leftOut);
        List<String> differences = new ArrayList<>();
        compare(fixture, expected, emitted, differences);
        assertEquals(List.of(), differences, "the emitted payload differs from contracts/events/" + fixture + ".json: "
                + emitted);
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isNull() || actual.isNull()) {
            return;
        }
        if (expected.getNodeType() != actual.getNodeType()
                || expected.isIntegralNumber() != actual.isIntegralNumber()) {
            differences.add(path + ": " + expected.getNodeType() + " expected, " + actual.getNodeType() + " emitted");
            return;
        }
        if (expected.isObject()) {
            TreeSet<String> want = names(expected);
            TreeSet<String> got = names(actual);
            if (!want.equals(got)) {
                differences.add(path + ": fields " + want + " expected, " + got + " emitted");
            }
            for (String name : want) {
                if (actual.has(name)) {
                    compare(path + "." + name, expected.get(name), actual.get(name), differences);
                }
            }
        } else if (expected.isArray() && !expected.isEmpty() && !actual.isEmpty()) {
            compare(path + "[0]", expected.get(0), actual.get(0), differences);
        }
    }

    private static TreeSet<String> names(JsonNode object) {
        TreeSet<String> names = new TreeSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
