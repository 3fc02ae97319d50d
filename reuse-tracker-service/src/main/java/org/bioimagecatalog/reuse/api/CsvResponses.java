package org.bioimagecatalog.reuse.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.bioimagecatalog.http.CsvWriter;

/** A CSV download written while it is sent: the response holds a buffer, never the whole file. */
final class CsvResponses {
    private CsvResponses() {
    }

    static Response streamed(String filename, Consumer<Writer> body) {
        StreamingOutput output = stream -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
            body.accept(writer);
            writer.flush();
        };
        return Response.ok(output, CsvWriter.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
