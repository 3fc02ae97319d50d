package org.bioimagecatalog.reuse.report;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 CSV cells: quoted when they hold a comma, quote or line break; null as an empty cell. */
final class Csv {
    private Csv() {}

    static String row(String... cells) {
        return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(","));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
