package org.bioimagecatalog.portal.dataset;

import io.quarkus.qute.RawString;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bar chart of counts per year as inline SVG: no script, readable by a screen reader through its title (the
 * counts in words), and the same data stays in the page as a list beside it.
 */
public final class YearChart {
    private static final int BAR = 28;
    private static final int GAP = 8;
    private static final int HEIGHT = 120;

    private YearChart() {}

    /** {@code byYear}: year → count, as the reuse reports give it (keys may be text). Empty map: empty string. */
    public static RawString svg(Map<String, ?> byYear, String what) {
        SortedMap<Integer, Long> counts = new TreeMap<>();
        byYear.forEach((year, n) -> {
            try {
                counts.merge(Integer.parseInt(year.trim()), n instanceof Number number ? number.longValue() : 0L, Long::sum);
            } catch (NumberFormatException e) {
                // a key that is not a year ("unknown") has no place on a time axis
            }
        });
        if (counts.isEmpty()) {
            return new RawString("");
        }
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        int width = counts.size() * (BAR + GAP) + GAP;
        StringBuilder words = new StringBuilder();
        StringBuilder bars = new StringBuilder();
        int x = GAP;
        for (Map.Entry<Integer, Long> e : counts.entrySet()) {
            long n = e.getValue();
            int h = max == 0 ? 0 : (int) Math.round((HEIGHT - 30) * (double) n / max);
            int y = HEIGHT - 20 - h;
            bars.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BAR)
                    .append("\" height=\"").append(h).append("\" fill=\"#1f5f8b\"/>")
                    .append("<text x=\"").append(x + BAR / 2).append("\" y=\"").append(y - 3)
                    .append("\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1a1a1a\">").append(n).append("</text>")
                    .append("<text x=\"").append(x + BAR / 2).append("\" y=\"").append(HEIGHT - 5)
                    .append("\" text-anchor=\"middle\" font-size=\"10\" fill=\"#1a1a1a\">").append(e.getKey()).append("</text>");
            words.append(words.isEmpty() ? "" : ", ").append(e.getKey()).append(": ").append(n);
            x += BAR + GAP;
        }
        String title = escape(what) + " by year: " + words;
        return new RawString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"" + width
                + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + width + " " + HEIGHT + "\" aria-label=\"" + title
                + "\"><title>" + title + "</title>" + bars + "</svg>");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
