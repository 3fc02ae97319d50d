package org.bioimagecatalog.reuse.report;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A bar chart of counts per year as inline SVG, drawn on the server: no script, no CDN, prints as vectors.
 * Years without reuse between the first and last year get an empty slot, so the time axis stays honest.
 */
final class SvgBarChart {
    private static final int WIDTH = 640;
    private static final int HEIGHT = 220;
    private static final int LEFT = 40;
    private static final int BOTTOM = 30;
    private static final int TOP = 20;

    private SvgBarChart() {}

    static String render(Map<Integer, Integer> byYear, String label) {
        if (byYear.isEmpty()) {
            return "<p class=\"empty\">No reuse with a known year yet.</p>";
        }
        SortedMap<Integer, Integer> years = new TreeMap<>();
        for (int y = java.util.Collections.min(byYear.keySet()); y <= java.util.Collections.max(byYear.keySet()); y++) {
            years.put(y, byYear.getOrDefault(y, 0));
        }
        int max = Math.max(1, years.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        double slot = (double) (WIDTH - LEFT - 10) / years.size();
        double barWidth = Math.max(4, slot * 0.7);
        int plotHeight = HEIGHT - BOTTOM - TOP;
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"")
                .append(HEIGHT).append("\" aria-label=\"").append(Html.escape(label)).append("\">")
                .append("<title>").append(Html.escape(label)).append("</title>")
                .append(line(LEFT, HEIGHT - BOTTOM, WIDTH - 10, HEIGHT - BOTTOM))
                .append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM))
                .append(text(LEFT - 6, TOP + 4, "end", Integer.toString(max)))
                .append(text(LEFT - 6, HEIGHT - BOTTOM, "end", "0"));
        int i = 0;
        for (Map.Entry<Integer, Integer> year : years.entrySet()) {
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            double h = (double) year.getValue() * plotHeight / max;
            double y = HEIGHT - BOTTOM - h;
            svg.append("<rect class=\"bar\" data-year=\"").append(year.getKey()).append("\" data-count=\"")
                    .append(year.getValue()).append("\" x=\"").append(fmt(x)).append("\" y=\"").append(fmt(y))
                    .append("\" width=\"").append(fmt(barWidth)).append("\" height=\"").append(fmt(h)).append("\">")
                    .append("<title>").append(year.getKey()).append(": ").append(year.getValue()).append("</title></rect>");
            if (year.getValue() > 0) {
                svg.append(text(x + barWidth / 2, y - 4, "middle", Integer.toString(year.getValue())));
            }
            svg.append(text(x + barWidth / 2, HEIGHT - BOTTOM + 16, "middle", Integer.toString(year.getKey())));
            i++;
        }
        return svg.append("</svg>").toString();
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line class=\"axis\" x1=\"" + fmt(x1) + "\" y1=\"" + fmt(y1) + "\" x2=\"" + fmt(x2) + "\" y2=\""
                + fmt(y2) + "\"/>";
    }

    private static String text(double x, double y, String anchor, String content) {
        return "<text x=\"" + fmt(x) + "\" y=\"" + fmt(y) + "\" text-anchor=\"" + anchor + "\">" + Html.escape(content)
                + "</text>";
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.1f", v);
    }
}
