package io.contactcenter.events;

/**
 * Cells of the CSV files the suite exports (RFC 4180), safe to open in a spreadsheet: a value with a comma,
 * quote or line break is quoted with its quotes doubled, and text a spreadsheet would run as a formula (starting
 * with {@code = + - @}, tab or CR) is prefixed with an apostrophe. Numbers are written as they are.
 */
public final class Csv {

    private Csv() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0 || text.indexOf(';') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
