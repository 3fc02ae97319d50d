package org.bioimagecatalog.reuse.citation;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Optional;

/**
 * How the authors of a citing work found the dataset: the seed's "possibly on how the public dataset was
 * identified". Only submitters can tell; collected links leave it empty.
 */
public enum HowFound {
    SEARCH_ENGINE("search-engine"),
    THIS_CATALOG("this-catalog"),
    THE_PAPER("the-paper"),
    A_COLLEAGUE("a-colleague"),
    DATATHON_TRAINING("datathon-training"),
    OTHER("other");

    /** The codes as a regular expression, for request validation. */
    public static final String CODES = "search-engine|this-catalog|the-paper|a-colleague|datathon-training|other";

    private final String code;

    HowFound(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<HowFound> fromCode(String code) {
        return Arrays.stream(values()).filter(h -> h.code.equals(code)).findFirst();
    }

    @Converter
    public static class DatabaseConverter implements AttributeConverter<HowFound, String> {
        @Override
        public String convertToDatabaseColumn(HowFound howFound) {
            return howFound == null ? null : howFound.code;
        }

        @Override
        public HowFound convertToEntityAttribute(String code) {
            return code == null ? null : fromCode(code).orElseThrow(
                    () -> new IllegalArgumentException("unknown how-found " + code));
        }
    }
}
