package org.bioimagecatalog.model.vocab;

import static org.assertj.core.api.Assertions.assertThat;

import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.FileFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Format labels and extensions against the shipped EDAM and Bio-Formats tables. */
class FormatVocabularyTest {
    private final FormatVocabulary formats = FormatVocabulary.get();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "TIFF|format_3591|TIFF",
            "TIF|format_3591|TIFF",
            "tiff|format_3591|TIFF",
            ".tif|format_3591|TIFF",
            "TIFF (Tagged Image File Format)|format_3591|TIFF",
            "TIFF format|format_3591|TIFF",
            "Tif files|format_3591|TIFF",
            "OME-TIFF|format_3727|OME-TIFF",
            "ome.tif|format_3727|OME-TIFF",
            "OME-Zarr|format_3915|Zarr",
            "PNG|format_3603|PNG",
            "JPEG|format_3579|JPG",
            "jpg|format_3579|JPG",
            "DICOM|format_3548|DICOM format",
            "HDF5|format_3590|HDF5",
            "h5|format_3590|HDF5",
            "LSM|format_3988|LSM",
            "Zeiss LSM (Laser Scanning Microscope) 510/710|format_3988|LSM",
            "CZI|bioformats:zeiss-czi|Zeiss CZI",
            ".czi|bioformats:zeiss-czi|Zeiss CZI",
            "Nikon NIS-Elements ND2|bioformats:nikon-nis-elements-nd2|Nikon NIS-Elements ND2",
            "nd2|bioformats:nikon-nis-elements-nd2|Nikon NIS-Elements ND2",
            "LIF|bioformats:leica-las-af-lif|Leica LAS AF LIF (Leica Image File Format)",
            "MRC|bioformats:mrc|MRC (Medical Research Council)",
            "mrcs|bioformats:mrc|MRC (Medical Research Council)",
            "DM3|bioformats:gatan-digital-micrograph|Gatan Digital Micrograph",
            "dm4|bioformats:gatan-digital-micrograph|Gatan Digital Micrograph",
            "SVS|bioformats:aperio-svs-tiff|Aperio SVS TIFF",
            "IMS|bioformats:bitplane-imaris|Bitplane Imaris",
            "Evotec/PerkinElmer Opera Flex|bioformats:evotec-perkinelmer-opera-flex|Evotec/PerkinElmer Opera Flex",
            "Metamorph STK|bioformats:metamorph-stack|MetaMorph Stack (STK)",
            "Zeiss AxioVision ZVI|bioformats:zeiss-axiovision-zvi|Zeiss AxioVision ZVI (Zeiss Vision Image)",
            "image/tiff|format_3591|TIFF",
            "application/xml|format_2332|XML"})
    void labelsAndExtensionsOfOneFormatShareOneId(String label, String id, String name) {
        assertThat(formats.match(label)).contains(new FormatVocabulary.Format(id, name));
    }

    @Test
    void valuesThatAreNotFormatsMatchNothing() {
        assertThat(formats.match("('T1', '')")).isEmpty();
        assertThat(formats.match("plate1_well_A01.tif")).isEmpty();
        assertThat(formats.match("HeLa cells")).isEmpty();
        assertThat(formats.match("raw")).isEmpty();
        assertThat(formats.match("application/octet-stream")).isEmpty();
        assertThat(formats.match("Images are single-channel tiff files with one phase contrast image")).isEmpty();
    }

    @Test
    void theNormaliserMergesSpellingsAndKeepsNonFormatsAsLabelsWithoutId() {
        DatasetMetadata in = DatasetMetadata.builder().title("t").format("TIFF").format("tif")
                .format("TIFF (Tagged Image File Format)").format("Leica TCS TIFF").format("MRC").build();
        DatasetMetadata.Builder out = in.toBuilder();
        new FormatNormaliser().normalise(in, out);
        assertThat(out.build().formats()).containsExactly(
                new FileFormat("TIFF", "format_3591", "TIFF"),
                new FileFormat("Leica TCS TIFF", null, null),
                new FileFormat("MRC", "bioformats:mrc", "MRC (Medical Research Council)"));
    }
}
