package id.qutab.platform.reports;

import id.qutab.platform.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV as the admins open it in a spreadsheet: comma-separated, CRLF line ends, a field with a comma, quote
 * or line break quoted with inner quotes doubled. A field a spreadsheet would run as a formula (starting with
 * {@code = + - @}, tab or CR) gets an apostrophe in front: names and references come from users. Negative
 * numbers are written by {@link #number(long)}, which a spreadsheet must still read as a number.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** A line of fields, each escaped. */
    public static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** A number field: written as is, so that -5000 stays a number and is not taken for a formula. */
    public static String number(long value) {
        return Long.toString(value);
    }

    public static String escape(String field) {
        String value = field == null ? "" : field;
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)) {
            value = "'" + value;
        }
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static boolean isNumber(String value) {
        return value.matches("-\\d{1,19}(\\.\\d+)?");
    }

    /** Rows of an already computed report as a download named {@code filename}. */
    public static Response download(String filename, List<String> header, List<List<String>> rows) {
        StreamingOutput body = output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            line(out, header);
            for (List<String> row : rows) {
                line(out, row);
            }
            out.flush();
        };
        return Response.ok(body, MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    /**
     * Whether a report was asked for as CSV: {@code ?format=csv}, or an {@code Accept} that names text/csv and not
     * JSON. {@code ?format=} other than csv or json is a 400.
     */
    public static boolean wanted(String format, HttpHeaders headers) {
        if (format != null && !format.isEmpty()) {
            return switch (format) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalid("format", "must be csv or json");
            };
        }
        List<MediaType> accepted = headers == null ? List.of() : headers.getAcceptableMediaTypes();
        boolean csv = false;
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false; // the first acceptable type wins; JSON and */* mean the JSON document
            }
            if ("text".equals(type.getType()) && "csv".equals(type.getSubtype())) {
                csv = true;
                break;
            }
        }
        return csv;
    }
}
