package org.bioimagecatalog.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.ImagingMethod;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.Publication;
import org.junit.jupiter.api.Test;

class HitLocationTest {

    @Test
    void accessionsPerArchiveDataDoiPrimaryPublicationAndCanonicalNames() {
        DatasetMetadata m = DatasetMetadata.builder()
                .title("t")
                .identifier(Identifier.of(Identifier.IDR, "idr0001"))
                .identifier(Identifier.of(Identifier.BIA, "S-BIAD15"))
                .identifier(Identifier.of("cpg", "cpg0016"))
                .identifier(Identifier.of(Identifier.DOI, "10.17867/10000101"))
                .landingPage("https://cellpainting-gallery.s3.amazonaws.com/index.html#cpg0016-jump/")
                .publication(new Publication("10.1/related", null, null, null, null, null, Publication.Relation.RELATED))
                .publication(new Publication(null, "21269460", "PMC3033012", null, null, null,
                        Publication.Relation.PRIMARY))
                .organism(new Organism("human", "9606", "Homo sapiens", null, List.of()))
                .organism(new Organism("yeast", null))
                .imagingMethod(new ImagingMethod("confocal", "FBbi_00000251", "confocal microscopy", List.of(), null))
                .build();
        JsonNode doc = ModelJson.mapper().createObjectNode().set("metadata", ModelJson.mapper().valueToTree(m));

        HitLocation where = HitLocation.of(doc);

        assertThat(where.accessions()).containsExactly(
                new HitLocation.ArchiveAccession("idr", "idr0001", "https://idr.openmicroscopy.org/search/?query=Name:idr0001"),
                new HitLocation.ArchiveAccession("bia", "S-BIAD15",
                        "https://www.ebi.ac.uk/biostudies/bioimages/studies/S-BIAD15"),
                new HitLocation.ArchiveAccession("cpg", "cpg0016",
                        "https://cellpainting-gallery.s3.amazonaws.com/index.html#cpg0016-jump/"));
        assertThat(where.dataDoi()).isEqualTo(new HitLocation.Link("10.17867/10000101", "https://doi.org/10.17867/10000101"));
        assertThat(where.publication()).isEqualTo(new HitLocation.PrimaryPublication(null, "21269460", "PMC3033012",
                "https://pubmed.ncbi.nlm.nih.gov/21269460/"));
        assertThat(where.organismNames()).containsExactly("Homo sapiens", "yeast");
        assertThat(where.imagingMethodNames()).containsExactly("confocal microscopy");
        assertThat(HitLocation.of(null)).isEqualTo(HitLocation.NONE);
    }
}
