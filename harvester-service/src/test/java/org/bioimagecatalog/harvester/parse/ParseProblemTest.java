package org.bioimagecatalog.harvester.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;

/** Parser problems name the position and the kind, never the bytes (a mistyped location may point at a secret). */
class ParseProblemTest {
    private static final String SECRET = "AKIAEXAMPLESECRET";

    @Test
    void jsonProblemsNameLineColumnAndKindButNotTheContent() {
        JacksonException unexpected = catchThrowableOfType(JacksonException.class,
                () -> new ObjectMapper().readTree("{\n  " + SECRET + ": 1}"));
        assertThat(unexpected.getOriginalMessage()).as("what the parser itself says").contains("'A'");
        assertThat(ParseProblem.json(unexpected)).isEqualTo("not valid JSON at line 2, column 3: an unexpected character")
                .doesNotContain("A").doesNotContain(SECRET);

        JacksonException truncated = catchThrowableOfType(JacksonException.class,
                () -> new ObjectMapper().readTree("{\"key\": \"" + SECRET));
        assertThat(ParseProblem.json(truncated)).startsWith("not valid JSON at line 1").endsWith("unexpected end of input")
                .doesNotContain(SECRET);
    }

    @Test
    void xmlProblemsNameLineAndColumnButNotTheContent() throws Exception {
        var builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
        builder.setErrorHandler(null);
        SAXParseException e = catchThrowableOfType(SAXParseException.class, () -> builder.parse(
                new ByteArrayInputStream(("<a>\n<" + SECRET + "></b></a>").getBytes(StandardCharsets.UTF_8))));
        assertThat(e.getMessage()).as("what the parser itself says").contains(SECRET);
        assertThat(ParseProblem.xml(e)).startsWith("not well-formed XML at line 2, column").doesNotContain(SECRET);
    }
}
