package org.bioimagecatalog.harvester.idr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.harvester.idr.LegacyTextDecoder.Decoded;
import org.bioimagecatalog.model.ids.Accession;

/**
 * Reads an IDR study file ({@code idrNNNN-study.txt}): tab-separated {@code Key<TAB>value[<TAB>value…]} lines
 * grouped under {@code #} comment lines. The files are hand-edited spreadsheets, so this survives what real
 * ones contain: unknown encodings, CRLF/CR/mixed line ends, blank and quoted comment lines, stray control
 * characters, dozens of padding tabs, stray quotes from CSV exports and single lines of hundreds of kilobytes.
 */
public final class IdrStudyFileParser {
    static final String ACCESSION_KEY = "Comment[IDR Study Accession]";
    static final String TITLE_KEY = "Study Title";

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern FILE_NAME_ACCESSION = Pattern.compile("(?i)(idr\\d{4})");
    /** Keys written without their tab in some files ({@code Experiment Size 5D Images: …}). */
    private static final List<String> KEYS_GLUED_TO_VALUE = List.of("Screen Size", "Experiment Size");
    /** Above this share of control characters the bytes are not text at all. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    private final IdrStudyMapper mapper = new IdrStudyMapper();

    /** Reads and maps one study file; {@code fileName} is the fallback for the accession. */
    public IdrStudy parse(byte[] bytes, String fileName) throws InvalidStudyFileException {
        Decoded decoded = decode(bytes, fileName);
        StudyFile file = tokenise(decoded.text(), fileName);
        boolean hasTitle = file.has(TITLE_KEY);
        if (!hasTitle && !file.has(ACCESSION_KEY)) {
            throw new InvalidStudyFileException(fileName + ": not an IDR study file: it has neither a '"
                    + TITLE_KEY + "' nor a '" + ACCESSION_KEY + "' line");
        }
        if (!hasTitle) {
            throw new InvalidStudyFileException(fileName + ": the study file has no '" + TITLE_KEY + "'");
        }
        String accession = accession(file, fileName).orElseThrow(() -> new InvalidStudyFileException(fileName
                + ": no IDR accession: neither a '" + ACCESSION_KEY + "' line nor an idrNNNN file name"));
        return new IdrStudy(accession, mapper.map(file, accession), decoded.encoding());
    }

    /** The decoded, cleaned text of any payload, for the excerpt a rejection carries. */
    public static String readableText(byte[] bytes) {
        return stripControlCharacters(LegacyTextDecoder.decode(bytes).text());
    }

    static Decoded decode(byte[] bytes, String fileName) throws InvalidStudyFileException {
        if (bytes.length == 0) {
            throw new InvalidStudyFileException(fileName + ": the file is empty");
        }
        Decoded decoded = LegacyTextDecoder.decode(bytes);
        long controls = decoded.text().chars().filter(IdrStudyFileParser::isUnwantedControl).count();
        if (controls > Math.max(2, decoded.text().length() * MAX_CONTROL_SHARE)) {
            throw new InvalidStudyFileException(fileName + ": binary content, not a text study file ("
                    + controls + " control characters in " + bytes.length + " bytes)");
        }
        return decoded;
    }

    static StudyFile tokenise(String text, String fileName) {
        List<StudyFile.Row> rows = new ArrayList<>();
        for (String line : LINE_BREAK.split(stripControlCharacters(text))) {
            String trimmed = clean(line.replace('\t', ' '));
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("\"#")) {
                continue;
            }
            String[] parts = line.split("\t", -1);
            String key = clean(parts[0]).replaceAll("\\s+", " ");
            if (key.isEmpty()) {
                continue; // a continuation of a broken multi-line cell: it belongs to no key we can name
            }
            List<String> cells = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                cells.add(clean(parts[i]));
            }
            rows.add(unglue(key, cells));
        }
        return new StudyFile(fileName, rows);
    }

    private static StudyFile.Row unglue(String key, List<String> cells) {
        for (String known : KEYS_GLUED_TO_VALUE) {
            if (key.length() > known.length() && key.regionMatches(true, 0, known + " ", 0, known.length() + 1)) {
                List<String> withValue = new ArrayList<>();
                withValue.add(key.substring(known.length()).strip());
                withValue.addAll(cells);
                return new StudyFile.Row(known, trimTrailingEmpty(withValue));
            }
        }
        return new StudyFile.Row(key, trimTrailingEmpty(cells));
    }

    private static List<String> trimTrailingEmpty(List<String> cells) {
        int end = cells.size();
        while (end > 0 && cells.get(end - 1).isEmpty()) {
            end--;
        }
        return cells.subList(0, end);
    }

    /** Strips whitespace (including no-break spaces) and the quotes a CSV export put around or beside a cell. */
    static String clean(String cell) {
        String value = stripSpace(cell);
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = stripSpace(value.substring(1, value.length() - 1).replace("\"\"", "\""));
        } else if (value.chars().filter(c -> c == '"').count() % 2 == 1) {
            // an unbalanced quote is the edge of a multi-line cell that the line split cut in two
            if (value.startsWith("\"")) {
                value = stripSpace(value.substring(1));
            } else if (value.endsWith("\"")) {
                value = stripSpace(value.substring(0, value.length() - 1));
            }
        }
        return value;
    }

    private static String stripSpace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /** Removes control characters (C0 and C1) but keeps tab and line breaks; drops BOMs and replacement marks. */
    static String stripControlCharacters(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnwantedControl(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isUnwantedControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        return Character.getType(c) == Character.CONTROL || c == '\uFEFF' || c == '\uFFFD';
    }

    private static Optional<String> accession(StudyFile file, String fileName) {
        Optional<String> declared = file.first(ACCESSION_KEY)
                .flatMap(Accession::parse)
                .filter(a -> a.archive() == Accession.Archive.IDR)
                .map(Accession::value);
        if (declared.isPresent()) {
            return declared;
        }
        Matcher m = FILE_NAME_ACCESSION.matcher(fileName == null ? "" : fileName);
        return m.find() ? Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }
}
