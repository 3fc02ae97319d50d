package org.bioimagecatalog.harvester.empiar;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EMPIAR accession list in the API's own notation: numbers and inclusive ranges separated by commas,
 * {@code 10002,10050-10060} (the {@code EMPIAR-} prefix is optional). EMPIAR has no listing endpoint, so a
 * harvest over its API names the entries it wants.
 */
final class EntryRange {
    static final int MAX_ENTRIES = 100_000;
    private static final Pattern PART = Pattern.compile("^(?:EMPIAR-)?(\\d{5,})(?:-(?:EMPIAR-)?(\\d{5,}))?$",
            Pattern.CASE_INSENSITIVE);

    private EntryRange() {}

    /** The entry numbers, in the order given, without repeats; {@link IllegalArgumentException} says what is wrong. */
    static List<String> parse(String spec) {
        Set<String> numbers = new LinkedHashSet<>();
        for (String raw : spec.split(",")) {
            String part = raw.strip();
            if (part.isEmpty()) {
                continue;
            }
            Matcher m = PART.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + part + "' is neither an EMPIAR entry number (10002) nor a range (10050-10060)");
            }
            long from = Long.parseLong(m.group(1));
            long to = m.group(2) == null ? from : Long.parseLong(m.group(2));
            if (to < from) {
                throw new IllegalArgumentException("range '" + part + "' ends before it starts");
            }
            for (long n = from; n <= to; n++) {
                numbers.add(String.valueOf(n));
                if (numbers.size() > MAX_ENTRIES) {
                    throw new IllegalArgumentException("more than " + MAX_ENTRIES + " entries requested");
                }
            }
        }
        if (numbers.isEmpty()) {
            throw new IllegalArgumentException("no entry numbers given");
        }
        return new ArrayList<>(numbers);
    }
}
