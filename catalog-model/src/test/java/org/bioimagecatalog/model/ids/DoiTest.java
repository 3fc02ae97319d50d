package org.bioimagecatalog.model.ids;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DoiTest {

    @ParameterizedTest
    @CsvSource({
        "10.17867/10000101, 10.17867/10000101",
        "http://dx.doi.org/10.1016/j.devcel.2014.09.005, 10.1016/j.devcel.2014.09.005",
        "https://doi.org/10.5281/ZENODO.1234, 10.5281/zenodo.1234",
        "doi:10.1038/nmeth.4326, 10.1038/nmeth.4326",
        "'10.1101/2021.05.10.443378.', 10.1101/2021.05.10.443378"
    })
    void normalisesEveryWrittenFormToTheBareLowerCaseDoi(String written, String expected) {
        assertThat(Doi.normalise(written)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "not a doi", "11.1234/abc", "10.12/abc", "https://example.org/10.1234"})
    void refusesTextThatIsNotADoi(String text) {
        assertThat(Doi.normalise(text)).isEmpty();
    }
}
