package id.qutab.systemtests.deploy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the "contract" statements of a Flyway migration: those that break the application version still running
 * while the migration is applied (a rolling deploy runs old and new code against the migrated schema). They are
 * allowed only with a justification comment ({@code -- contract: <why it is safe>}) just before or inside the
 * statement, so that every one of them was thought about.
 *
 * <p>Contract: DROP TABLE/COLUMN/VIEW/SCHEMA/TYPE/FUNCTION, RENAME, a column type change, SET NOT NULL, a new NOT NULL
 * column without a default, and a new constraint or unique index on a table that existed before the migration
 * (old code may write what it now refuses). Expand (always fine): new tables, nullable or defaulted columns,
 * DROP NOT NULL, DROP CONSTRAINT, new indexes, triggers, backfills.
 */
final class ContractStatements {

    static final Pattern JUSTIFICATION = Pattern.compile("--\\s*contract:\\s*(\\S.{9,})", Pattern.CASE_INSENSITIVE);

    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.\"]+)");
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?([\\w.\"]+)");
    private static final Pattern UNIQUE_INDEX = Pattern.compile("^CREATE\\s+UNIQUE\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?[\\w\"]*\\s*ON\\s+(?:ONLY\\s+)?([\\w.\"]+)");

    /** One statement that needs a justification and has none. */
    record Finding(int line, String rule, String statement) {
        @Override
        public String toString() {
            return "line " + line + ": " + rule + ": " + statement;
        }
    }

    private record Statement(int line, String code, String comments) {
    }

    private ContractStatements() {
    }

    /** The contract statements of one migration that carry no {@code -- contract:} justification. */
    static List<Finding> unjustified(String sql) {
        List<Finding> findings = new ArrayList<>();
        Set<String> createdHere = new HashSet<>();
        for (Statement s : split(sql)) {
            String code = s.code.replaceAll("\\s+", " ").trim();
            String upper = code.toUpperCase(Locale.ROOT);
            Matcher created = CREATE_TABLE.matcher(upper);
            if (created.find()) {
                createdHere.add(table(created.group(1)));
            }
            String rule = rule(upper, createdHere);
            if (rule != null && !JUSTIFICATION.matcher(s.comments).find()) {
                findings.add(new Finding(s.line, rule, code.length() > 140 ? code.substring(0, 140) + "…" : code));
            }
        }
        return findings;
    }

    private static String rule(String sql, Set<String> createdHere) {
        if (sql.matches("^DROP\\s+(TABLE|VIEW|MATERIALIZED VIEW|SCHEMA|TYPE|FUNCTION|PROCEDURE|SEQUENCE)\\b.*")) {
            return "drops an object the running version may still use";
        }
        if (sql.matches("^ALTER\\s+\\w+(\\s+\\w+)?\\s+[\\w.\"]+\\s+RENAME\\b.*") || sql.matches(".*\\bRENAME\\s+(COLUMN\\s+|CONSTRAINT\\s+)?[\\w\"]+\\s+TO\\b.*")) {
            return "renames what the running version names";
        }
        Matcher alter = ALTER_TABLE.matcher(sql);
        if (alter.find()) {
            String table = table(alter.group(1));
            if (sql.matches(".*\\bDROP\\s+COLUMN\\b.*")) {
                return "drops a column the running version may still read or write";
            }
            if (sql.matches(".*\\bALTER\\s+(COLUMN\\s+)?[\\w\"]+\\s+(SET\\s+DATA\\s+)?TYPE\\b.*")) {
                return "changes a column's type under the running version";
            }
            if (sql.matches(".*\\bSET\\s+NOT\\s+NULL\\b.*")) {
                return "makes an existing column NOT NULL: the running version may insert without it";
            }
            if (!createdHere.contains(table)) {
                for (String addColumn : sql.split("(?=\\bADD\\s+COLUMN\\b)")) {
                    if (addColumn.matches("^ADD\\s+COLUMN\\b.*\\bNOT\\s+NULL\\b.*") && !addColumn.matches(".*\\bDEFAULT\\b.*")) {
                        return "adds a NOT NULL column without a default: the running version's inserts fail";
                    }
                }
                if (sql.matches(".*\\bADD\\s+(CONSTRAINT\\s+[\\w\"]+\\s+)?(CHECK|UNIQUE|FOREIGN\\s+KEY|PRIMARY\\s+KEY|EXCLUDE)\\b.*")) {
                    return "adds a constraint to an existing table: the running version may write what it refuses";
                }
            }
        }
        Matcher unique = UNIQUE_INDEX.matcher(sql);
        if (unique.find() && !createdHere.contains(table(unique.group(1)))) {
            return "adds a unique index to an existing table: the running version may write duplicates";
        }
        return null;
    }

    private static String table(String name) {
        String plain = name.replace("\"", "");
        return plain.substring(plain.lastIndexOf('.') + 1);
    }

    /**
     * Splits a migration into statements at top-level semicolons, outside quotes, dollar-quoted bodies and comments;
     * each statement keeps the comments written just before it and inside it.
     */
    private static List<Statement> split(String sql) {
        List<Statement> out = new ArrayList<>();
        StringBuilder code = new StringBuilder();
        StringBuilder comments = new StringBuilder();
        int line = 1;
        int startLine = -1;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '-' && sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
                comments.append(sql, i, end).append('\n');
                i = end;
                continue;
            }
            if (c == '/' && sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i);
                end = end < 0 ? sql.length() : end + 2;
                String block = sql.substring(i, end);
                comments.append(block).append('\n');
                line += block.chars().filter(ch -> ch == '\n').count();
                i = end;
                continue;
            }
            if (c == '\'' || c == '$') {
                String close = c == '\'' ? "'" : dollarTag(sql, i);
                if (close != null) {
                    int end = sql.indexOf(close, i + close.length());
                    end = end < 0 ? sql.length() : end + close.length();
                    String quoted = sql.substring(i, end);
                    if (startLine < 0) {
                        startLine = line;
                    }
                    code.append(quoted);
                    line += quoted.chars().filter(ch -> ch == '\n').count();
                    i = end;
                    continue;
                }
            }
            if (c == ';') {
                if (!code.toString().isBlank()) {
                    out.add(new Statement(startLine, code.toString(), comments.toString()));
                }
                code.setLength(0);
                comments.setLength(0);
                startLine = -1;
                i++;
                continue;
            }
            if (startLine < 0 && !Character.isWhitespace(c)) {
                startLine = line;
            }
            code.append(c);
            i++;
        }
        if (!code.toString().isBlank()) {
            out.add(new Statement(startLine, code.toString(), comments.toString()));
        }
        return out;
    }

    private static String dollarTag(String sql, int i) {
        Matcher m = Pattern.compile("\\$[A-Za-z_]*\\$").matcher(sql);
        return m.find(i) && m.start() == i ? m.group() : null;
    }
}
