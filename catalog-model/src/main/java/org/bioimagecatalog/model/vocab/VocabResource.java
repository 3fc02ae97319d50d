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

/** Reads a bundled tab-separated vocabulary table: '#' lines are comments, the first other line is the header. */
final class VocabResource {
    private VocabResource() {}

    /** The data rows, each padded to the header's number of columns. */
    static List<String[]> rows(String resource) {
        InputStream in = VocabResource.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("vocabulary resource missing from the classpath: " + resource);
        }
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int columns = -1;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (columns < 0) {
                    columns = cells.length;
                    continue;
                }
                rows.add(cells.length >= columns ? cells : Arrays.copyOf(cells, columns));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
        return rows;
    }

    /** The whole text of a bundled resource (an OBO file), UTF-8. */
    static String text(String resource) {
        try (InputStream in = VocabResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("vocabulary resource missing from the classpath: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The non-empty parts of a '|'-separated cell. */
    static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
