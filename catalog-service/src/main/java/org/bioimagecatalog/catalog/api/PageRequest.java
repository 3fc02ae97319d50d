package org.bioimagecatalog.catalog.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bioimagecatalog.catalog.CatalogConfig;
import org.bioimagecatalog.catalog.dataset.DatasetFilter;

/**
 * The validated query parameters of a list request. Parameters arrive as text and are parsed here, so that
 * {@code limit=abc} is a 400 naming the parameter (JAX-RS would answer 404 for an unconvertible query param).
 */
public record PageRequest(int limit, String afterId, DatasetFilter filter) {
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern TAXON = Pattern.compile("(?i)(?:NCBITaxon[:_])?(\\d{1,9})");
    private static final Pattern FBBI = Pattern.compile("(?i)FBbi[:_](\\d{8})");
    private static final Pattern SPDX = Pattern.compile("[A-Za-z0-9.+-]{1,64}");

    static PageRequest parse(String limitText, String cursor, Map<String, String> filters, CatalogConfig.Api api) {
        LocalDate from = date("releasedFrom", filters.get("releasedFrom"));
        LocalDate to = date("releasedTo", filters.get("releasedTo"));
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidParameterException("releasedTo", "must not be before releasedFrom (" + from + ")");
        }
        DatasetFilter filter = new DatasetFilter(source(filters.get("source")), taxon(filters.get("organism")),
                imagingMethod(filters.get("imagingMethod")), license(filters.get("license")), from, to,
                quality(filters.get("minQuality")), instant("updatedSince", filters.get("updatedSince")));
        return new PageRequest(limit(limitText, api), PageCursor.decode(cursor), filter);
    }

    public static int limit(String text, CatalogConfig.Api api) {
        if (blank(text)) {
            return api.defaultLimit();
        }
        int limit;
        try {
            limit = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw outOfRange(text, api);
        }
        if (limit < 1 || limit > api.maxLimit()) {
            throw outOfRange(text, api);
        }
        return limit;
    }

    private static InvalidParameterException outOfRange(String text, CatalogConfig.Api api) {
        return new InvalidParameterException("limit",
                "must be a whole number from 1 to " + api.maxLimit() + ", got '" + text + "'");
    }

    /** The {@code count} parameter: true for {@code exact}, false when absent or {@code estimate}. */
    static boolean exactCount(String text) {
        if (blank(text) || text.strip().equalsIgnoreCase("estimate")) {
            return false;
        }
        if (text.strip().equalsIgnoreCase("exact")) {
            return true;
        }
        throw new InvalidParameterException("count", "must be 'exact' or 'estimate', got '" + text + "'");
    }

    /** An archive name as a filter ({@code source=idr}), null when blank; 400 when it cannot be one. */
    public static String source(String text) {
        if (blank(text)) {
            return null;
        }
        if (!SOURCE.matcher(text).matches()) {
            throw new InvalidParameterException("source", "must be an archive name such as 'idr', got '" + text + "'");
        }
        return text;
    }

    private static String taxon(String text) {
        if (blank(text)) {
            return null;
        }
        Matcher m = TAXON.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidParameterException("organism",
                    "must be an NCBI Taxonomy id such as '9606' or 'NCBITaxon:9606', got '" + text + "'");
        }
        return m.group(1);
    }

    /** An FBbi id in its canonical {@code FBbi:00000246} form, or a label to match as it is. */
    private static String imagingMethod(String text) {
        if (blank(text)) {
            return null;
        }
        Matcher m = FBBI.matcher(text.strip());
        if (m.matches()) {
            return "FBbi:" + m.group(1);
        }
        if (text.strip().length() > 200 || text.toLowerCase().startsWith("fbbi")) {
            throw new InvalidParameterException("imagingMethod",
                    "must be an FBbi id such as 'FBbi:00000246' or a method label, got '" + text + "'");
        }
        return text.strip();
    }

    private static String license(String text) {
        if (blank(text)) {
            return null;
        }
        if (!SPDX.matcher(text.strip()).matches()) {
            throw new InvalidParameterException("license", "must be an SPDX id such as 'CC-BY-4.0', got '" + text + "'");
        }
        return text.strip();
    }

    private static Integer quality(String text) {
        if (blank(text)) {
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 0 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the problem below
        }
        throw new InvalidParameterException("minQuality", "must be a whole number from 0 to 100, got '" + text + "'");
    }

    private static LocalDate date(String name, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name, "must be a date as YYYY-MM-DD, got '" + text + "'");
        }
    }

    /** An ISO instant ({@code 2026-01-10T08:00:00Z}) or a date (its start, UTC). */
    private static Instant instant(String name, String text) {
        if (blank(text)) {
            return null;
        }
        try {
            return text.strip().length() == 10 ? LocalDate.parse(text.strip()).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant() : Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name,
                    "must be an ISO instant such as '2026-01-10T08:00:00Z' or a date, got '" + text + "'");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
