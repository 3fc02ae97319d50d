package org.bioimagecatalog.model.vocab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the vocabulary files shipped under {@code vocab/} on the class path. A missing file is a packaging
 * error, so it fails loudly instead of leaving a vocabulary silently empty.
 */
final class TsvResource {
    private TsvResource() {}

    static String text(String name) {
        try (InputStream in = open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary resource " + name, e);
        }
    }

    /**
     * The rows of a tab-separated file, each padded to {@code columns} cells; lines starting with {@code #}
     * and blank lines are skipped, and so is the first remaining line when {@code header} is true.
     */
    static List<String[]> rows(String name, int columns, boolean header) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            boolean skip = header;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (skip) {
                    skip = false;
                    continue;
                }
                String[] cells = Arrays.copyOf(line.split("\t", -1), Math.max(columns, line.split("\t", -1).length));
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i] == null ? "" : cells[i].strip();
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read vocabulary resource " + name, e);
        }
        return rows;
    }

    private static InputStream open(String name) {
        InputStream in = TsvResource.class.getClassLoader().getResourceAsStream("vocab/" + name);
        if (in == null) {
            throw new IllegalStateException("vocabulary resource vocab/" + name + " is missing from the class path");
        }
        return in;
    }
}
