package org.bioimagecatalog.harvester.idr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.bioimagecatalog.harvester.idr.LegacyTextDecoder.Decoded;
import org.bioimagecatalog.harvester.idr.LegacyTextDecoder.Encoding;
import org.junit.jupiter.api.Test;

class LegacyTextDecoderTest {

    @Test
    void validUtf8IsTakenAsIsAndItsBomDropped() {
        byte[] bytes = "\uFEFFZürich 37°C".getBytes(StandardCharsets.UTF_8);

        assertThat(LegacyTextDecoder.decode(bytes)).isEqualTo(new Decoded("Zürich 37°C", Encoding.UTF_8));
    }

    @Test
    void latin1DegreeSignAndAccentsWinOverMacRoman() {
        assertThat(decode("incubated at 37\u00b0C")).isEqualTo(new Decoded("incubated at 37°C", Encoding.WINDOWS_1252));
        assertThat(decode("H\u00e9rich\u00e9 JK, 100\u00a0U/ml").text()).isEqualTo("Hériché JK, 100\u00a0U/ml");
        assertThat(decode("PerkinElmer\u0092s 10\u00d7 objective").text()).isEqualTo("PerkinElmer’s 10× objective");
    }

    @Test
    void macRomanLettersAndPunctuationWinOverWindows1252() {
        assertThat(decode("CH-8057 Z\u009frich")).isEqualTo(new Decoded("CH-8057 Zürich", Encoding.MAC_ROMAN));
        assertThat(decode("King\u00d5s College").text()).isEqualTo("King’s College");
        assertThat(decode("PerkinElmer OPERA\u00a8 QHS").text()).isEqualTo("PerkinElmer OPERA® QHS");
        assertThat(decode("cultured at 37\u00a1C").text()).isEqualTo("cultured at 37°C");
    }

    /** Builds the bytes of a legacy file: each char below 256 in {@code latin1Bytes} stands for its byte. */
    private static Decoded decode(String latin1Bytes) {
        return LegacyTextDecoder.decode(latin1Bytes.getBytes(StandardCharsets.ISO_8859_1));
    }
}
