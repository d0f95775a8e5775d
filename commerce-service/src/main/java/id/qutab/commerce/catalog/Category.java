package id.qutab.commerce.catalog;

import id.qutab.platform.problem.ProblemException;

import java.util.Arrays;

/** Kinds of qurban animal. Lower-case on the wire and in the database, as the frontend uses them. */
public enum Category {
    sapi, kambing, domba;

    /** {@code ?category=} as given by a client: unknown values are a 400, not an empty list. */
    public static Category parse(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(values()).filter(c -> c.name().equals(value.trim().toLowerCase()))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalid(field, "must be one of sapi, kambing, domba"));
    }
}
