package org.bioimagecatalog.model.vocab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SPDX License List as data ({@code vocab/spdx-licences.tsv}, extracted from the list that
 * {@code org.spdx:java-spdx-library} ships by {@code catalog-model/scripts/extract-spdx-licences.sh}) plus the
 * reviewed labels of {@code vocab/spdx-label-mappings.tsv}. Recognises a licence by its SPDX id, its name, an
 * archive's way of writing either ("CC-BY 4.0", "Attribution 4.0 International") or one of its reference URLs
 * ({@code creativecommons.org/licenses/by/4.0/}, with or without {@code legalcode}, trailing slash or scheme).
 * Loaded once on first use.
 */
public final class SpdxLicenceList {
    private static final Pattern URL_IN_TEXT = Pattern.compile(
            "(?i)(?:https?://|www\\.|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:org|com|net|edu|gov|io|eu)/)[^\\s)\\]>\"']*");
    private static final Pattern URL_SCHEME = Pattern.compile("^[a-z]+://");
    private static final Pattern URL_WWW = Pattern.compile("^www\\.");
    private static final Pattern URL_QUERY = Pattern.compile("[?#].*$");
    private static final Pattern OSI_LICENSES = Pattern.compile("^opensource\\.org/licenses/");
    private static final Pattern URL_TAIL = Pattern.compile(
            "(?:/legalcode(?:\\.[a-z-]+)?|/deed(?:\\.[a-z-]+)?|\\.html?|\\.txt|\\.json|\\.php|/)+$");
    private static final Pattern NOISE_WORDS = Pattern.compile(
            "\\b(creative commons|international|unported|generic|universal|public license|license|licence|the)\\b");

    /** One licence of the list. */
    public record Licence(String id, String name, boolean deprecated, List<String> urls) {
        public Licence {
            urls = List.copyOf(urls);
        }
    }

    private final Map<String, Licence> byId;
    private final Map<String, String> byUrl;
    private final Map<String, String> byLabel;
    private final String listVersion;

    private SpdxLicenceList() {
        Map<String, Licence> licences = new HashMap<>();
        Map<String, Set<String>> urls = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (String[] row : VocabResource.rows("/vocab/spdx-licences.tsv")) {
            Licence licence = new Licence(row[0], row[1].replaceAll("\\s+", " "), Boolean.parseBoolean(row[2]),
                    row[3] == null || row[3].isBlank() ? List.of() : List.of(row[3].split("\\s+")));
            licences.put(row[0].toLowerCase(Locale.ROOT), licence);
            licence.urls().forEach(u -> urls.computeIfAbsent(urlKey(u), k -> new LinkedHashSet<>()).add(licence.id()));
        }
        // ids first, then names; a deprecated licence never displaces a current one
        List<Licence> ordered = new ArrayList<>(licences.values());
        ordered.sort((a, b) -> Boolean.compare(a.deprecated(), b.deprecated()));
        ordered.forEach(l -> labels.putIfAbsent(labelKey(l.id()), l.id()));
        ordered.forEach(l -> labels.putIfAbsent(labelKey(l.name()), l.id()));
        for (String[] row : VocabResource.rows("/vocab/spdx-label-mappings.tsv")) {
            Licence licence = licences.get(row[1].toLowerCase(Locale.ROOT));
            if (licence == null) {
                throw new IllegalStateException("spdx-label-mappings.tsv names " + row[1] + ", which is not in spdx-licences.tsv");
            }
            labels.put(labelKey(row[0]), licence.id());
        }
        Map<String, String> uniqueUrls = new HashMap<>();
        urls.forEach((url, ids) -> {
            List<String> current = ids.stream().filter(id -> !licences.get(id.toLowerCase(Locale.ROOT)).deprecated()).toList();
            if (current.size() == 1) {
                uniqueUrls.put(url, current.get(0));
            } else if (current.isEmpty() && ids.size() == 1) {
                uniqueUrls.put(url, ids.iterator().next());
            }
        });
        this.byId = Map.copyOf(licences);
        this.byUrl = Map.copyOf(uniqueUrls);
        this.byLabel = Map.copyOf(labels);
        this.listVersion = VocabResource.text("/vocab/spdx-licences.tsv").lines().findFirst()
                .map(l -> l.replaceFirst("^# SPDX License List ([0-9.]+).*", "$1")).orElse("");
    }

    private static final class Holder {
        static final SpdxLicenceList INSTANCE = new SpdxLicenceList();
    }

    public static SpdxLicenceList get() {
        return Holder.INSTANCE;
    }

    /** The version of the SPDX License List shipped. */
    public String listVersion() {
        return listVersion;
    }

    /** The licence with this SPDX id, compared case-insensitively. */
    public Optional<Licence> byId(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id.strip().toLowerCase(Locale.ROOT)));
    }

    /** The licence a URL points to, when exactly one current licence lists it. */
    public Optional<Licence> byUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(byUrl.get(urlKey(url))).flatMap(this::byId);
    }

    /** The licence a label names: SPDX id, name, a reviewed label, each also inside parentheses. */
    public Optional<Licence> byLabel(String label) {
        if (label == null || label.isBlank()) {
            return Optional.empty();
        }
        for (String variant : LabelKey.variants(label)) {
            String key = labelKey(variant);
            String id = key.isEmpty() ? null : byLabel.get(key);
            if (id != null) {
                return byId(id);
            }
        }
        return Optional.empty();
    }

    /** The licence a text names, whether it is a URL, holds one, or is a label. */
    public Optional<Licence> recognise(String labelOrUrl) {
        if (labelOrUrl == null || labelOrUrl.isBlank()) {
            return Optional.empty();
        }
        Matcher url = URL_IN_TEXT.matcher(labelOrUrl);
        if (url.find()) {
            Optional<Licence> byLink = byUrl(url.group());
            if (byLink.isPresent() || url.group().length() == labelOrUrl.strip().length()) {
                return byLink;
            }
        }
        return byLabel(labelOrUrl);
    }

    /** A URL without scheme, {@code www.}, query, case, and CC's {@code legalcode}/{@code deed} pages. */
    static String urlKey(String url) {
        String key = URL_SCHEME.matcher(url.strip().toLowerCase(Locale.ROOT)).replaceFirst("");
        key = URL_QUERY.matcher(URL_WWW.matcher(key).replaceFirst("")).replaceFirst("");
        key = OSI_LICENSES.matcher(key).replaceFirst("opensource.org/license/");
        return URL_TAIL.matcher(key).replaceFirst("");
    }

    private static String labelKey(String label) {
        return NOISE_WORDS.matcher(LabelKey.of(label)).replaceAll("").replace(" ", "");
    }
}
