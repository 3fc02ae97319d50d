package org.bioimagecatalog.harvester.files;

import org.bioimagecatalog.harvester.parse.ParseProblem;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading JSON native records: parsing with a clear reason, and the small value clean-ups every archive needs. */
public final class JsonRecords {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})");
    /** Leading and trailing white space, including the no-break spaces pasted from web forms. */
    private static final Pattern EDGE_SPACE = Pattern.compile("^[\\s\\u00a0\\u2007\\u202f]+|[\\s\\u00a0\\u2007\\u202f]+$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");

    private JsonRecords() {}

    public static JsonNode parse(byte[] bytes) throws InvalidRecordException {
        if (bytes.length == 0) {
            throw new InvalidRecordException("the file is empty");
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw new InvalidRecordException("the file holds no JSON value");
            }
            return node;
        } catch (JacksonException e) {
            throw new InvalidRecordException(ParseProblem.json(e));
        } catch (java.io.IOException e) {
            throw new InvalidRecordException("not valid JSON: " + e.getMessage(), e);
        }
    }

    /** A field's text, stripped; null when absent, null, blank or not a scalar. */
    public static String text(JsonNode node, String field) {
        return node == null ? null : text(node.get(field));
    }

    public static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = EDGE_SPACE.matcher(value.asText()).replaceAll("");
        return text.isEmpty() || text.equalsIgnoreCase("none") || text.equalsIgnoreCase("null") ? null : text;
    }

    /** A value that may be a single item or an array, as a list (empty for absent or null). */
    public static List<JsonNode> items(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return items;
        }
        if (value.isArray()) {
            value.forEach(items::add);
        } else {
            items.add(value);
        }
        return items;
    }

    /** A date written {@code 2020-02-14} or {@code 2020-02-14T…}; null when absent or unreadable. */
    public static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = ISO_DATE.matcher(text.strip());
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse(m.group(1));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The year of a date or a bare year; null when there is none. */
    public static Integer year(String text) {
        if (text == null) {
            return null;
        }
        LocalDate date = date(text);
        if (date != null) {
            return date.getYear();
        }
        Matcher m = YEAR.matcher(text.strip());
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }
}
