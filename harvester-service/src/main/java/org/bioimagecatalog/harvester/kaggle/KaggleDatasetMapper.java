package org.bioimagecatalog.harvester.kaggle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.bioimagecatalog.harvester.files.InvalidRecordException;
import org.bioimagecatalog.model.Creator;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.DatasetSize;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.vocab.Spdx;

/**
 * One Kaggle dataset as {@code GET /api/v1/datasets/list} lists it (the official client's {@code ApiDataset}): {@code ref}
 * ({@code owner/slug}, the native id), {@code title}, {@code subtitle}, {@code description}, {@code creatorName},
 * {@code ownerName}, {@code url}, {@code lastUpdated}, {@code totalBytes}, {@code licenseName}, {@code tags[{name}]}.
 * Kaggle's JSON repeats fields protobuf-style ({@code titleNullable}, {@code hasTitle}): the plain key is read.
 * Licence names are Kaggle's ({@code CC0-1.0}, {@code CC-BY-SA-4.0}, {@code copyright-authors}, {@code unknown}).
 */
public final class KaggleDatasetMapper {
    static final String SITE = "https://www.kaggle.com/datasets/";

    public DatasetMetadata map(JsonNode dataset) throws InvalidRecordException {
        String ref = text(dataset, "ref").orElseThrow(() -> new InvalidRecordException("a Kaggle dataset without 'ref'"));
        String title = text(dataset, "title").orElseThrow(() -> new InvalidRecordException(ref + ": no title"));
        DatasetMetadata.Builder b = DatasetMetadata.builder()
                .title(title)
                .description(text(dataset, "description").or(() -> text(dataset, "subtitle")).orElse(null))
                .identifier(Identifier.of(KaggleConnector.ARCHIVE, ref))
                .landingPage(text(dataset, "url").filter(u -> u.startsWith("https://")).orElse(SITE + ref))
                .modified(text(dataset, "lastUpdated").flatMap(KaggleDatasetMapper::date).orElse(null))
                .license(text(dataset, "licenseName").map(KaggleDatasetMapper::license).orElse(null));
        text(dataset, "creatorName").or(() -> text(dataset, "ownerName"))
                .ifPresent(name -> b.creator(new Creator(name, null, null, null, null)));
        for (JsonNode tag : dataset.path("tags")) {
            text(tag, "name").ifPresent(b::keyword);
        }
        long bytes = dataset.path("totalBytes").asLong(0);
        if (bytes > 0) {
            b.size(new DatasetSize(bytes, null, null, null));
        }
        return b.build();
    }

    private static License license(String name) {
        String n = name.strip();
        if (n.equalsIgnoreCase("unknown")) {
            return new License(null, null, "unknown");
        }
        return Spdx.license(n, null);
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return Optional.of(OffsetDateTime.parse(value).toLocalDate());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value));
            } catch (DateTimeParseException ignored) {
                return Optional.empty();
            }
        }
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isValueNode() || v.isNull() || v.asText().isBlank()
                ? Optional.empty() : Optional.of(v.asText().strip());
    }

}
