package org.bioimagecatalog.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A file format as the source named it ({@code label}), with its vocabulary id (an EDAM format such as
 * {@code format_3591} where one exists, otherwise a Bio-Formats format) and canonical name where the normaliser
 * resolved it. Older events and stored records carry formats as plain strings; those read as a label.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FileFormat(String label, String id, String name) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public FileFormat(@JsonProperty("label") String label, @JsonProperty("id") String id,
            @JsonProperty("name") String name) {
        this.label = label;
        this.id = id;
        this.name = name;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static FileFormat ofLabel(String label) {
        return new FileFormat(label, null, null);
    }
}
