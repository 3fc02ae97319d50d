package org.bioimagecatalog.reuse.citation;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/**
 * Where the tracker learnt of a link. Each collector owns one kind, so that a collector can withdraw what it
 * found without touching what another one found; a link lives as long as it has evidence of any kind.
 */
public enum EvidenceKind {
    /** the archive lists the publication as the dataset's primary publication */
    HARVESTED_PRIMARY("harvested-primary"),
    /** Europe PMC text-mined an accession or DOI of the dataset in the full text */
    EUROPEPMC_TEXTMINED("europepmc-textmined"),
    /** the publication's Crossref reference list cites the dataset DOI */
    CROSSREF_REFERENCE("crossref-reference"),
    /** the dataset's DataCite record declares the relation (IsCitedBy, IsSupplementTo, …) */
    DATACITE_RELATION("datacite-relation"),
    /** a Scholix link from the Scholexplorer service */
    SCHOLIX("scholix"),
    /** submitted through the API by a curator or submitter */
    SUBMITTED("submitted");

    private final String code;

    EvidenceKind(String code) {
        this.code = code;
    }

    /** The name used in the database, in JSON and in metrics. */
    @JsonValue
    public String code() {
        return code;
    }

    public static EvidenceKind fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown evidence kind " + code));
    }

    /** Stores the kind by its code, the same spelling the schema's check constraint lists. */
    @Converter
    public static class DatabaseConverter implements AttributeConverter<EvidenceKind, String> {
        @Override
        public String convertToDatabaseColumn(EvidenceKind kind) {
            return kind == null ? null : kind.code;
        }

        @Override
        public EvidenceKind convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code);
        }
    }
}
