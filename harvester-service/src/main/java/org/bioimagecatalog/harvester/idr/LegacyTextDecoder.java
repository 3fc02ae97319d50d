package org.bioimagecatalog.harvester.idr;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of a hand-edited text file into text. Study files are written in spreadsheets on every
 * platform, so besides UTF-8 we meet Windows-1252/Latin-1 and classic Mac Roman, with no declaration of which.
 * Valid UTF-8 wins outright (legacy bytes above 0x7F almost never form valid UTF-8 sequences); otherwise both
 * legacy decodings are scored on how plausible their non-ASCII characters are in English scientific prose
 * ({@code °C}, {@code µg}, {@code Zürich}, {@code King’s}) and the better one is taken, Windows-1252 on a tie.
 */
public final class LegacyTextDecoder {

    /** The encodings a study file is decoded from. */
    public enum Encoding { UTF_8, WINDOWS_1252, MAC_ROMAN }

    public record Decoded(String text, Encoding encoding) {}

    private static final String MAC_ROMAN_HIGH_HALF = ""
            + "\u00C4\u00C5\u00C7\u00C9\u00D1\u00D6\u00DC\u00E1\u00E0\u00E2\u00E4\u00E3\u00E5\u00E7\u00E9\u00E8"
            + "\u00EA\u00EB\u00ED\u00EC\u00EE\u00EF\u00F1\u00F3\u00F2\u00F4\u00F6\u00F5\u00FA\u00F9\u00FB\u00FC"
            + "\u2020\u00B0\u00A2\u00A3\u00A7\u2022\u00B6\u00DF\u00AE\u00A9\u2122\u00B4\u00A8\u2260\u00C6\u00D8"
            + "\u221E\u00B1\u2264\u2265\u00A5\u00B5\u2202\u2211\u220F\u03C0\u222B\u00AA\u00BA\u03A9\u00E6\u00F8"
            + "\u00BF\u00A1\u00AC\u221A\u0192\u2248\u2206\u00AB\u00BB\u2026\u00A0\u00C0\u00C3\u00D5\u0152\u0153"
            + "\u2013\u2014\u201C\u201D\u2018\u2019\u00F7\u25CA\u00FF\u0178\u2044\u20AC\u2039\u203A\uFB01\uFB02"
            + "\u2021\u00B7\u201A\u201E\u2030\u00C2\u00CA\u00C1\u00CB\u00C8\u00CD\u00CE\u00CF\u00CC\u00D3\u00D4"
            + "\uF8FF\u00D2\u00DA\u00DB\u00D9\u0131\u02C6\u02DC\u00AF\u02D8\u02D9\u02DA\u00B8\u02DD\u02DB\u02C7";

    private static final char[] WINDOWS_1252 = windows1252Table();
    private static final char[] MAC_ROMAN = macRomanTable();

    /**
     * Characters that turn up in real study files: units, typography, trademark signs and the accented letters
     * of European names. Anything else above ASCII counts against the decoding that produced it.
     */
    private static final String PLAUSIBLE = "°µ®©™’‘“”–—…×±·•§¼½¾²³"
            + "éèêëáàâäãåæçíìîïñóòôöõøúùûüýÿßœ"
            + "ÉÈÊÁÀÂÄÅÆÇÍÎÑÓÔÖØÚÜ"
            + "\u00A0";

    private LegacyTextDecoder() {}

    public static Decoded decode(byte[] bytes) {
        int start = hasUtf8Bom(bytes) ? 3 : 0;
        String utf8 = strictUtf8(bytes, start);
        if (utf8 != null) {
            return new Decoded(utf8, Encoding.UTF_8);
        }
        String windows = decodeSingleByte(bytes, WINDOWS_1252);
        String mac = decodeSingleByte(bytes, MAC_ROMAN);
        return plausibility(mac) > plausibility(windows)
                ? new Decoded(mac, Encoding.MAC_ROMAN)
                : new Decoded(windows, Encoding.WINDOWS_1252);
    }

    /** Higher is more plausible; only non-ASCII characters are scored, ASCII is the same in every candidate. */
    static int plausibility(String text) {
        int score = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                score -= 5;
            } else if (PLAUSIBLE.indexOf(c) >= 0) {
                score += 2;
            } else {
                score -= 1;
            }
            // "ZŸrich", "KingÕs": a capital straight after a small letter is the mark of a wrong code page
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(text.charAt(i - 1))) {
                score -= 3;
            }
        }
        return score;
    }

    private static boolean hasUtf8Bom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    private static String strictUtf8(byte[] bytes, int start) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String decodeSingleByte(byte[] bytes, char[] table) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = table[bytes[i] & 0xFF];
        }
        return new String(chars);
    }

    /** Windows-1252, with its five unassigned bytes read as Latin-1 (C1 controls, stripped later). */
    private static char[] windows1252Table() {
        Charset cp1252 = Charset.forName("windows-1252");
        char[] table = new char[256];
        for (int b = 0; b < 256; b++) {
            String decoded = new String(new byte[] {(byte) b}, cp1252);
            table[b] = decoded.length() == 1 && decoded.charAt(0) != '\uFFFD' ? decoded.charAt(0) : (char) b;
        }
        return table;
    }

    private static char[] macRomanTable() {
        char[] table = new char[256];
        for (int b = 0; b < 128; b++) {
            table[b] = (char) b;
        }
        MAC_ROMAN_HIGH_HALF.getChars(0, 128, table, 128);
        return table;
    }
}
