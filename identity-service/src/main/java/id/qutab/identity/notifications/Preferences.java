package id.qutab.identity.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import id.qutab.platform.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.Iterator;
import java.util.Set;

/**
 * {@code GET/PUT /api/me/notifications}: per channel, transactional messages (order, payout, affiliate, loyalty) and
 * promotions (reminders, offers). Defaults: transactional on, promotions off.
 */
@RegisterForReflection
public record Preferences(Channel whatsapp, Channel email) {

    public static final Preferences DEFAULTS = new Preferences(new Channel(true, false), new Channel(true, false));

    @RegisterForReflection
    public record Channel(boolean transactional, boolean promotions) {
    }

    /**
     * The PUT body, read strictly: the full object, booleans only, no other keys. A typo such as
     * {@code "promotion": true} must be a 400, not a silently ignored opt-in.
     */
    static Preferences parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("", "must be {whatsapp:{transactional, promotions}, email:{transactional, promotions}}");
        }
        onlyKeys(body, "", Set.of("whatsapp", "email"));
        return new Preferences(channel(body, "whatsapp"), channel(body, "email"));
    }

    private static Channel channel(JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid(name, "must be {transactional, promotions}");
        }
        onlyKeys(node, name + ".", Set.of("transactional", "promotions"));
        return new Channel(flag(node, name, "transactional"), flag(node, name, "promotions"));
    }

    private static boolean flag(JsonNode node, String channel, String name) {
        JsonNode value = node.get(name);
        if (value == null || !value.isBoolean()) {
            throw ProblemException.invalid(channel + "." + name, "must be true or false");
        }
        return value.booleanValue();
    }

    private static void onlyKeys(JsonNode node, String prefix, Set<String> allowed) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ProblemException.invalid(prefix + name, "unknown field");
            }
        }
    }

    public boolean allowsWhatsApp(boolean transactionalCategory) {
        return transactionalCategory ? whatsapp.transactional() : whatsapp.promotions();
    }
}
