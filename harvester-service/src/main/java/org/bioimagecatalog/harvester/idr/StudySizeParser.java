package org.bioimagecatalog.harvester.idr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.model.DatasetSize;

/**
 * Reads the free-text {@code Screen Size} / {@code Experiment Size} lines ({@code Plates: 192  5D Images: 109728
 * … Total Tb: 10.06}) of all blocks into one size: image counts and volumes are summed over the blocks, the
 * source's own wording is kept as the description. The text is a template people fill in loosely (commas in
 * numbers, {@code Total Gb} instead of {@code Total Tb}, units repeated after the value, empty fields), so
 * anything not recognised is simply left to the description.
 */
final class StudySizeParser {
    private static final Pattern IMAGES = Pattern.compile(
            "(?i)\\b[2-5]D Images:\\s*(\\d[\\d,]*)(?![\\d,]*\\s*(?:[TGMK]i?B\\b|x\\s*\\d))");
    /** {@code Total Tb: 0.5}, {@code Total Tb: 9GB} (the unit after the value wins), {@code Total: 11 GB}. */
    private static final Pattern VOLUME = Pattern.compile(
            "(?i)\\bTotal(?:\\s+([TGM])b)?:?\\s*(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*(?:([TGMK])i?b\\b)?");
    /** The template's own labels carry digits ("5D Images", "XYZCT" aside): they do not make a filled-in size. */
    private static final Pattern TEMPLATE_DIGITS = Pattern.compile("(?i)\\b[2-5]D\\b");
    private static final Pattern HAS_NUMBER = Pattern.compile("\\d");

    private StudySizeParser() {}

    static DatasetSize parse(List<List<String>> blocks) {
        Long images = null;
        Long bytes = null;
        List<String> texts = new ArrayList<>();
        for (List<String> cells : blocks) {
            String text = String.join(" ", cells.stream().filter(c -> !c.startsWith("#")).toList())
                    .replaceAll("\\s+", " ").strip();
            if (!HAS_NUMBER.matcher(TEMPLATE_DIGITS.matcher(text).replaceAll("")).find()) {
                continue; // the unfilled template: "Plates: 5D Images: Planes: … Total Tb:"
            }
            texts.add(text);
            Long blockImages = images(text);
            if (blockImages != null) {
                images = images == null ? blockImages : images + blockImages;
            }
            Long blockBytes = bytes(text);
            if (blockBytes != null) {
                bytes = bytes == null ? blockBytes : bytes + blockBytes;
            }
        }
        if (texts.isEmpty()) {
            return null;
        }
        return new DatasetSize(bytes, images, null, String.join("; ", texts));
    }

    private static Long images(String text) {
        Matcher m = IMAGES.matcher(text);
        if (!m.find()) {
            return null;
        }
        long count = Long.parseLong(m.group(1).replace(",", ""));
        return count > 0 ? count : null;
    }

    private static Long bytes(String text) {
        Matcher m = VOLUME.matcher(text);
        if (!m.find()) {
            return null;
        }
        String unitLetter = m.group(3) != null ? m.group(3) : m.group(1);
        if (unitLetter == null) {
            return null; // "Total: 11" with no unit anywhere: a number we cannot turn into bytes
        }
        BigDecimal unit = switch (unitLetter.toUpperCase(Locale.ROOT)) {
            case "T" -> BigDecimal.TEN.pow(12);
            case "G" -> BigDecimal.TEN.pow(9);
            case "M" -> BigDecimal.TEN.pow(6);
            default -> BigDecimal.TEN.pow(3);
        };
        long value = new BigDecimal(m.group(2)).multiply(unit).longValue();
        // "Total Tb: 0" means "rounded away", not "empty": an unknown size is more honest than zero bytes
        return value > 0 ? value : null;
    }
}
