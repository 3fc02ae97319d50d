package org.bioimagecatalog.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 4180 rows, and cells a spreadsheet would run as formulas neutralised (OWASP, "CSV Injection"). */
class CsvWriterTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1+1", "\r=1+1"})
    void aCellStartingWithAFormulaCharacterGetsALeadingQuoteAndIsQuoted(String dangerous) {
        String cell = CsvWriter.cell(dangerous);
        assertThat(cell).startsWith("\"'").endsWith("\"");
        assertThat(cell.substring(2, cell.length() - 1).replace("\"\"", "\"")).isEqualTo(dangerous);
    }

    @Test
    void eachDangerousPrefixAloneIsNeutralised() {
        for (String prefix : List.of("=", "+", "-", "@", "\t", "\r")) {
            assertThat(CsvWriter.cell(prefix + "x")).as("prefix %s", prefix.codePointAt(0))
                    .isEqualTo("\"'" + prefix + "x\"");
        }
    }

    @Test
    void plainCellsStayAsTheyAreAndSpecialOnesAreQuoted() {
        assertThat(CsvWriter.cell("fission yeast")).isEqualTo("fission yeast");
        assertThat(CsvWriter.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvWriter.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvWriter.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvWriter.cell("a=b")).isEqualTo("a=b");
        assertThat(CsvWriter.cell(null)).isEmpty();
        assertThat(CsvWriter.cell("")).isEmpty();
    }

    @Test
    void rowsEndWithCrLfAndGoToTheAppendable() {
        StringBuilder out = new StringBuilder();
        new CsvWriter(out).row("id", "title").row(Arrays.asList("IDR-1", null)).row("x", "=cmd");
        assertThat(out.toString()).isEqualTo("id,title\r\nIDR-1,\r\nx,\"'=cmd\"\r\n");
    }
}
