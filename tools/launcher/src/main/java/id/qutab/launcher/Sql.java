package id.qutab.launcher;

/** Quoting for the few statements that cannot take bind parameters (DDL). */
final class Sql {

    private Sql() {
    }

    /** {@code "name"}; names come from the app list but are quoted anyway. */
    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** {@code 'value'} for standard_conforming_strings=on (the default since PostgreSQL 9.1). */
    static String literal(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("NUL in an SQL literal");
        }
        return "'" + value.replace("'", "''") + "'";
    }
}
