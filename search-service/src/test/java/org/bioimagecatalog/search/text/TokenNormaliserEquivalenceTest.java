package org.bioimagecatalog.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.bioimagecatalog.testsupport.Fixtures;
import org.bioimagecatalog.testsupport.RequiredTool;
import org.junit.jupiter.api.Test;

/**
 * {@link TokenNormaliser} is one pass over the code points; the regular expressions it replaced are kept here as
 * the oracle, and both must give the same string for every text of the recorded archive data, for hand-picked
 * edge cases and for random strings of the characters that matter.
 */
class TokenNormaliserEquivalenceTest {

    @Test
    void handPickedEdgeCasesGiveWhatTheRegularExpressionsGave() {
        List<String> cases = List.of(
                "", " ", "\t\n ", "\u00A0", "\u3000",
                "1,008", "1 008", "1\u00A0008", "1\u202F008", "1\u2009008", "1'008", "1’008", "1,0000", "1,00",
                "12,345,678", "1,234,5678", ",123", "1,", "1,23", "1,234x", "x1,234", "a,123", "1,,234", "1,234,",
                "0,5 mM 12,3456", "١,٢٣٤", "1,２３４", "１,234", "1,234,567,890,123",
                "cell's", "cell’s", "'cell'", "’cell’", "cells'", "'", "''", "don't-stop", "1'000'000",
                "\"a\" “b” „c‟ «d» ‹e› `f` ´g´ ‘h’ ‛i ʼj′ k″",
                "a-b", "a--b", "-a-b-", "a-b-c", "a‐b‑c‒d–e—f", "a - b", "-", "--", "a-", "-a", "a-b--c-d",
                "genome-wide RNA-seq", "Ca2+-dependent", "x-1,000-y", "α-tubulin-GFP", "3-D", "1-2-3",
                "Zebrafish 斑马鱼-胚胎 эмбрион-рыбы", "日本語テキスト-です", "ﾃｽﾄ-ﾃｷｽﾄ",
                "emoji 😀-😀 a😀b 😀", "𠀀-𠀁 𝐀-𝐁", "𐐀-𐐁", "\uD800", "a\uD800-b", "\uDC00a-b\uD83D",
                "e\u0301-a\u0308", "n\u0303o", "\u0301-a", "ﬁsh-ﬂow", "ﬀ ﬃ ﬄ", "１２３-４５６", "１,２３４",
                "Ⅻ-ⅻ ½-¼ ²-³ ①-②", "µm-scale", "Å-ångström", "ǅ-ǈ", "ΣΑΣ-ΟΔΟΣ",
                "\uFFFF", "a\uFFFFb", "\u0000-\u0000", "tab\tsep\r\nline", "x\u00AD-y", "ʼ-ʼ", "ʼa-bʼ",
                "hyphen‐minus-mix—dash", "a–", "–a", "1–2,345", "37°C", "H\u00e9rich Z\u00fcrich",
                "Ⅰ,234", "1,2３4");
        for (String text : cases) {
            assertSame(text);
        }
        assertThat(TokenNormaliser.indexed(null)).isNull();
        assertThat(TokenNormaliser.words(null)).isEmpty();
    }

    @Test
    void randomStringsOfTheCharactersThatMatterGiveWhatTheRegularExpressionsGave() {
        String[] alphabet = {"a", "Z", "é", "e\u0301", "ß", "Σ", "σ", "ς", "ﬁ", "1", "0", "9", "٣", "１", "½", "Ⅻ",
                ",", "'", "’", "‘", "ʼ", "′", "\"", "“", "«", "`", "´", "\u00A0", "\u202F", "\u2009", " ", "\t", "\n",
                "-", "‐", "‑", "‒", "–", "—", ".", "(", "😀", "𠀀", "𝐀", "\uD800", "\uDC00", "\u0308", "_", "ǅ"};
        Random random = new Random(20);
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertSame(text.toString());
        }
    }

    @Test
    void everyTextOfTheRecordedArchiveDataGivesWhatTheRegularExpressionsGave() throws IOException {
        Path root = Fixtures.root();
        RequiredTool.require(Files.isDirectory(root), "the shared fixtures are not at " + root
                + " (clone ../shared beside the repository)");
        List<String> texts = fixtureTexts(root);
        assertThat(texts).hasSizeGreaterThan(50_000);
        for (String text : texts) {
            assertSame(text);
        }
        printTimings(texts);
    }

    private static void assertSame(String text) {
        assertThat(TokenNormaliser.indexed(text)).as("indexed(%s)", escaped(text)).isEqualTo(Regex.indexed(text));
        assertThat(TokenNormaliser.words(text)).as("words(%s)", escaped(text)).isEqualTo(Regex.words(text));
    }

    private static String escaped(String text) {
        StringBuilder s = new StringBuilder("\"");
        text.codePoints().limit(200).forEach(cp -> s.append(cp >= 0x20 && cp < 0x7F ? Character.toString(cp)
                : String.format("\\u{%X}", cp)));
        return s.append(text.length() > 200 ? "\"…" : "\"").toString();
    }

    /** Not a timing test: it prints what one call costs on the fixture texts, old and new, for the record. */
    private static void printTimings(List<String> texts) {
        for (int round = 0; round < 2; round++) {
            long regex = time(texts, true);
            long linear = time(texts, false);
            System.out.printf(Locale.ROOT, "TokenNormaliser.indexed over %d fixture texts, round %d: "
                    + "regex %.0f ns/call, one pass %.0f ns/call (%.1fx)%n", texts.size(), round,
                    regex / (double) texts.size(), linear / (double) texts.size(), regex / (double) linear);
        }
    }

    private static long time(List<String> texts, boolean regex) {
        long sink = 0;
        long start = System.nanoTime();
        for (String text : texts) {
            String indexed = regex ? Regex.indexed(text) : TokenNormaliser.indexed(text);
            sink += indexed == null ? 0 : indexed.length();
        }
        long elapsed = System.nanoTime() - start;
        if (sink == 42) {
            System.out.print("");
        }
        return elapsed;
    }

    /** The whole file, each line, each tab-separated field, each JSON string and each recorded response body. */
    private static List<String> fixtureTexts(Path root) throws IOException {
        Set<String> texts = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                addTexts(texts, decode(Files.readAllBytes(file)), file.toString());
            }
        }
        return new ArrayList<>(texts);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int LONGEST = 5_000;
    private static final Pattern BINARY_BODY = Pattern.compile("!{1,2}binary \\|-?\\n( +)([A-Za-z0-9+/=]+\\n(?:\\1[A-Za-z0-9+/=]+\\n)*)");

    private static void addTexts(Set<String> texts, String content, String name) {
        add(texts, content);
        for (String line : content.split("\\r\\n|\\r|\\n")) {
            add(texts, line);
            if (line.indexOf('\t') >= 0) {
                List.of(line.split("\t")).forEach(field -> add(texts, field));
            }
        }
        String trimmed = content.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                addStrings(texts, JSON.readTree(trimmed));
            } catch (IOException notJson) {
                // a text file that starts with a bracket: its lines are in already
            }
        }
        if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            Matcher body = BINARY_BODY.matcher(content.replace("\r\n", "\n"));
            while (body.find()) {
                byte[] bytes = Base64.getMimeDecoder().decode(body.group(2).replaceAll("\\s", ""));
                addTexts(texts, decode(gunzipped(bytes)), name + " body");
            }
        }
    }

    /**
     * Texts up to {@value #LONGEST} characters: a title, description or keyword list is far shorter, and the
     * regular expressions take seconds on the few longer ones (column name lists, whole files).
     */
    private static void add(Set<String> texts, String text) {
        if (text.length() <= LONGEST) {
            texts.add(text);
        }
    }

    private static void addStrings(Set<String> texts, JsonNode node) {
        if (node.isTextual()) {
            add(texts, node.textValue());
        }
        node.forEach(child -> addStrings(texts, child));
    }

    private static byte[] gunzipped(byte[] bytes) {
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) {
            return bytes;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8, or Windows-1252 for the few study files that are not UTF-8 (as the harvester reads them). */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** The implementation {@link TokenNormaliser} had before it was one pass: four regex passes after NFKC. */
    private static final class Regex {
        private static final Pattern DIGIT_GROUP = Pattern.compile("(?<=\\d)[,'’\\u00A0\\u202F\\u2009](?=\\d{3}(?!\\d))");
        private static final Pattern QUOTES = Pattern.compile("[\"“”„‟«»‹›`´]");
        private static final Pattern APOSTROPHE = Pattern.compile("['‘’‛ʼ′]");
        private static final Pattern HYPHENATED = Pattern.compile("[\\p{L}\\p{N}]+(?:[-‐‑‒–—][\\p{L}\\p{N}]+)+");
        private static final Pattern HYPHEN = Pattern.compile("[-‐‑‒–—]");
        private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

        static String indexed(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String common = common(text);
            StringBuilder joined = new StringBuilder();
            Matcher m = HYPHENATED.matcher(common);
            while (m.find()) {
                joined.append(' ').append(HYPHEN.matcher(m.group()).replaceAll(""));
            }
            return HYPHEN.matcher(common).replaceAll(" ") + joined;
        }

        static List<String> words(String text) {
            if (text == null) {
                return List.of();
            }
            Set<String> words = new LinkedHashSet<>();
            Matcher m = WORD.matcher(HYPHEN.matcher(common(text)).replaceAll(" "));
            while (m.find()) {
                words.add(m.group().toLowerCase(Locale.ROOT));
            }
            return new ArrayList<>(words);
        }

        private static String common(String text) {
            String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
            s = DIGIT_GROUP.matcher(s).replaceAll("");
            s = QUOTES.matcher(s).replaceAll(" ");
            return APOSTROPHE.matcher(s).replaceAll(" ");
        }
    }
}
