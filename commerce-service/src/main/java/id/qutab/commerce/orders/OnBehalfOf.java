package id.qutab.commerce.orders;

import id.qutab.commerce.catalog.Category;
import id.qutab.platform.problem.ProblemException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whose qurban each line is (the names said at the slaughter). One kambing or domba is the qurban of one
 * person; one sapi (or one sapi share product unit) may be shared by up to seven. So a line of quantity q needs:
 * <ul>
 *   <li>kambing/domba: exactly q names (one per animal);</li>
 *   <li>sapi: between q and 7 × q names (at least one per unit, at most seven per unit).</li>
 * </ul>
 * No names given: the recipient's name once per unit (the buyer's own qurban).
 */
public final class OnBehalfOf {

    public static final int MAX_PER_SAPI = 7;
    public static final int MAX_NAME_LENGTH = 100;

    private OnBehalfOf() {
    }

    public static String[] names(Category category, int quantity, List<String> given, String recipientName, int lineIndex) {
        String field = "items[" + lineIndex + "].onBehalfOf";
        if (given == null || given.isEmpty()) {
            return Collections.nCopies(quantity, recipientName.trim()).toArray(String[]::new);
        }
        List<String> names = new ArrayList<>();
        for (String name : given) {
            if (name == null || name.isBlank()) {
                throw ProblemException.invalid(field, "names must not be blank");
            }
            if (name.trim().length() > MAX_NAME_LENGTH) {
                throw ProblemException.invalid(field, "a name is at most " + MAX_NAME_LENGTH + " characters");
            }
            names.add(name.trim());
        }
        if (category == Category.sapi) {
            if (names.size() < quantity || names.size() > MAX_PER_SAPI * quantity) {
                throw ProblemException.invalid(field,
                        "a sapi line needs between 1 and 7 names per unit (" + quantity + " to " + MAX_PER_SAPI * quantity + ")");
            }
        } else if (names.size() != quantity) {
            throw ProblemException.invalid(field,
                    "a " + category + " line needs exactly one name per animal (" + quantity + ")");
        }
        return names.toArray(String[]::new);
    }
}
