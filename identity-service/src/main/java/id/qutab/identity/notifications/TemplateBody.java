package id.qutab.identity.notifications;

import id.qutab.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template body with named variables ({@code {{customerName}}}). The WhatsApp Cloud API numbers its body
 * parameters ({@code {{1}}}, {@code {{2}}}…): they are our variables' values in the order the variables first
 * appear, so the template registered at Meta and ours stay one text.
 */
public final class TemplateBody {

    static final Pattern VARIABLE = Pattern.compile("\\{\\{([a-zA-Z][a-zA-Z0-9]{0,39})}}");
    /** Cloud API parameters may not contain new lines, tabs or more than four consecutive spaces. */
    private static final Pattern LAYOUT = Pattern.compile("[\\t\\n\\r\\x0B\\f\\u0085\\u2028\\u2029]+| {5,}");

    private final String body;
    private final List<String> variables;

    private TemplateBody(String body, List<String> variables) {
        this.body = body;
        this.variables = variables;
    }

    /** The body as an admin wrote it: every {@code {{…}}} must be a well-formed variable, no stray braces. */
    public static TemplateBody parse(String body) {
        Matcher m = VARIABLE.matcher(body);
        LinkedHashSet<String> names = new LinkedHashSet<>();
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            names.add(m.group(1));
            rest.append(body, last, m.start()).append(' ');
            last = m.end();
        }
        rest.append(body.substring(last));
        if (rest.indexOf("{{") >= 0 || rest.indexOf("}}") >= 0) {
            throw ProblemException.invalid("body",
                    "variables are {{name}} (a letter, then letters or digits, at most 40 characters)");
        }
        return new TemplateBody(body, List.copyOf(names));
    }

    /** Each variable once, in order of first appearance: the order of the Cloud API body parameters. */
    public List<String> variables() {
        return variables;
    }

    /** The parameter values, in {@link #variables()} order; a variable without a value is {@code -}. */
    public List<String> parameters(Map<String, String> values) {
        List<String> parameters = new ArrayList<>(variables.size());
        for (String name : variables) {
            parameters.add(parameter(values.get(name)));
        }
        return parameters;
    }

    /** The text the person reads (what the provider renders from the registered template and the parameters). */
    public String render(Map<String, String> values) {
        return VARIABLE.matcher(body).replaceAll(r -> Matcher.quoteReplacement(parameter(values.get(r.group(1)))));
    }

    private static String parameter(String value) {
        if (value == null || value.isBlank()) {
            return "-"; // the Cloud API refuses an empty parameter
        }
        return LAYOUT.matcher(value.strip()).replaceAll(" ");
    }
}
