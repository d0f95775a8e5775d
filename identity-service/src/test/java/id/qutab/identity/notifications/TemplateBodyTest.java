package id.qutab.identity.notifications;

import id.qutab.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Variables, Cloud API parameter order and what the Cloud API accepts as a parameter value. */
class TemplateBodyTest {

    @Test
    void parametersFollowTheFirstAppearanceOfEachVariable() {
        TemplateBody body = TemplateBody.parse("{{b}} dan {{a}}, lagi {{b}} untuk {{c}}");
        assertEquals(List.of("b", "a", "c"), body.variables());
        Map<String, String> values = Map.of("a", "1", "b", "2", "c", "3");
        assertEquals(List.of("2", "1", "3"), body.parameters(values));
        assertEquals("2 dan 1, lagi 2 untuk 3", body.render(values));
    }

    @Test
    void valuesAreMadeAcceptableToTheCloudApi() {
        TemplateBody body = TemplateBody.parse("{{a}}|{{b}}|{{c}}|{{d}}");
        Map<String, String> values = new HashMap<>();
        values.put("a", "baris\nbaru\tdan\r\ntab");
        values.put("b", "lima     spasi");
        values.put("c", "   ");
        values.put("d", null);
        assertEquals(List.of("baris baru dan tab", "lima spasi", "-", "-"), body.parameters(values));
        // a value that looks like a variable or a regex replacement is text, not a template
        assertEquals("{{a}} $1 \\|-|-|-", TemplateBody.parse("{{a}}|{{b}}|{{c}}|{{d}}")
                .render(Map.of("a", "{{a}} $1 \\")));
    }

    @Test
    void malformedVariablesAreRefused() {
        for (String bad : new String[]{"Halo {{name", "Halo name}}", "{{1}}", "{{ name }}", "{{na-me}}", "{{}}",
                "{{" + "a".repeat(41) + "}}"}) {
            assertThrows(ProblemException.class, () -> TemplateBody.parse(bad), bad);
        }
        assertEquals(List.of(), TemplateBody.parse("tanpa variabel { } }").variables());
    }
}
