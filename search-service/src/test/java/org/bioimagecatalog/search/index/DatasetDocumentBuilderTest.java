package org.bioimagecatalog.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.TermRef;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.junit.jupiter.api.Test;

/** The term-facet fields of a document, from harmonised values and from labels alone. */
class DatasetDocumentBuilderTest {

    @Test
    void idsAreOneWrittenFormAndAncestorsJoinTheIdsAndLineage() {
        ObjectNode doc = build(DatasetMetadata.builder().title("t")
                .organism(new Organism("Mus muculus", "NCBITaxon:10090", "Mus musculus", "species",
                        List.of(new TermRef("NCBITaxon:40674", "Mammalia"))))
                .build());

        assertThat(strings(doc, "organismTerms")).containsExactly("10090|Mus musculus");
        assertThat(strings(doc, "organismIds")).containsExactly("10090", "40674");
        assertThat(strings(doc, "organismLineageTerms")).containsExactly("10090|Mus musculus", "40674|Mammalia");
        assertThat(strings(doc, "organismNames")).containsExactly("Mus muculus", "Mus musculus", "Mammalia");
        assertThat(strings(doc, "organisms")).containsExactly("Mus muculus", "Mus musculus");
        assertThat(strings(doc, "organismFacet")).as("a hit shows the canonical name").containsExactly("Mus musculus");
    }

    @Test
    void labelsWithoutIdsAreSearchableButNoTermsAndOtherBranchesAreNoMethods() {
        ObjectNode doc = build(DatasetMetadata.builder().title("t")
                .organism(new Organism("unclassified soil nematode", null))
                .imagingMethod(new ImagingMethod("custom imaging rig", null))
                .imagingMethod(new ImagingMethod("chemically fixed tissue", "FBbi:00000002", null,
                        List.of(new TermRef("FBbi:00000001", "sample preparation method")), null))
                .build());

        assertThat(strings(doc, "organismTerms")).isEmpty();
        assertThat(strings(doc, "organismNames")).containsExactly("unclassified soil nematode");
        assertThat(strings(doc, "imagingMethodTerms")).isEmpty();
        assertThat(strings(doc, "imagingMethodIds")).isEmpty();
        assertThat(strings(doc, "imagingMethods")).containsExactly("custom imaging rig", "chemically fixed tissue");
    }

    @Test
    void anOlderEventGetsIdNameAndHierarchyFromTheBundledVocabularies() {
        ObjectNode doc = build(DatasetMetadata.builder().title("t")
                .organism(new Organism("human", null))
                .imagingMethod(new ImagingMethod("TEM", null))
                .imagingMethod(new ImagingMethod("recorded image", "FBbi:00000265"))
                .build());

        assertThat(strings(doc, "organismTerms")).containsExactly("9606|Homo sapiens");
        assertThat(strings(doc, "organismIds")).contains("9606", "40674", "7742");
        assertThat(strings(doc, "imagingMethodTerms")).as("a general term is no bucket")
                .containsExactly("FBbi:00000258|transmission electron microscopy (TEM)");
        assertThat(strings(doc, "imagingMethodIds")).contains("FBbi:00000258", "FBbi:00000256", "FBbi:00000265");
    }

    private static ObjectNode build(DatasetMetadata metadata) {
        return DatasetDocumentBuilder.build(new DatasetChanged("e", DatasetChanged.SCHEMA_VERSION, "d", Instant.now(),
                "h", null, "d", 1, List.of(), metadata), 0);
    }

    private static List<String> strings(ObjectNode doc, String field) {
        JsonNode values = doc.path(field);
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asText).toList();
    }
}
