package org.bioimagecatalog.catalog.merge;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.ResolvableSerializer;
import java.io.IOException;
import java.util.List;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.ModelJson;
import org.bioimagecatalog.model.events.DatasetChanged;
import org.bioimagecatalog.model.events.SourceRecordRef;

/**
 * The JSON of a dataset's merged metadata, written once and spliced where it goes: into the canonical content whose
 * hash tells a real change from a re-publication of the same content, and into the {@link DatasetChanged} event
 * that is stored and published. The metadata is most of either; writing it once instead of twice is the point.
 * Each result is, character for character, what {@link ModelJson#write} gives for the whole value (DatasetJsonTest
 * compares them on the fixtures' records), so that content hashes stored before stay equal and a reader sees the
 * same document.
 */
public final class DatasetJson {
    /** The writer's attribute naming the metadata already written (a per-call attribute: the writer is shared). */
    private static final Object WRITTEN = DatasetJson.class;
    private static final ObjectWriter WRITER = ModelJson.mapper().copy()
            .registerModule(new SimpleModule("spliced-metadata").setSerializerModifier(new Splicing.Modifier()))
            .writer();

    private final DatasetMetadata metadata;
    private final String metadataJson;

    public DatasetJson(DatasetMetadata metadata) {
        this.metadata = metadata;
        this.metadataJson = ModelJson.write(metadata);
    }

    /** What a dataset says (its source records and metadata), as hashed; not the event envelope. */
    record CanonicalContent(List<SourceRecordRef> sourceRecords, DatasetMetadata metadata) {}

    /** SHA-256 of the canonical content of these source records and this metadata. */
    public String contentHash(List<SourceRecordRef> sourceRecords) {
        return ModelJson.contentHashOfJson(write(new CanonicalContent(sourceRecords, metadata)));
    }

    /** The event's JSON; the event must hold this very metadata. */
    public String event(DatasetChanged event) {
        if (event.metadata() != metadata) {
            throw new IllegalArgumentException("the event of " + event.datasetId() + " holds other metadata");
        }
        return write(event);
    }

    private String write(Object value) {
        try {
            return WRITER.withAttribute(WRITTEN, this).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /**
     * The mapper's own serializer of {@link DatasetMetadata}, except for the instance whose JSON the call's
     * {@link DatasetJson} holds: that JSON goes out as it is.
     */
    private static final class Splicing extends JsonSerializer<DatasetMetadata>
            implements ContextualSerializer, ResolvableSerializer {
        private final JsonSerializer<Object> standard;

        @SuppressWarnings("unchecked")
        Splicing(JsonSerializer<?> standard) {
            this.standard = (JsonSerializer<Object>) standard;
        }

        @Override
        public void serialize(DatasetMetadata value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            if (provider.getAttribute(WRITTEN) instanceof DatasetJson written && written.metadata == value) {
                generator.writeRawValue(written.metadataJson);
            } else {
                standard.serialize(value, generator, provider);
            }
        }

        @Override
        public void serializeWithType(DatasetMetadata value, JsonGenerator generator, SerializerProvider provider,
                TypeSerializer types) throws IOException {
            standard.serializeWithType(value, generator, provider, types);
        }

        @Override
        public boolean isEmpty(SerializerProvider provider, DatasetMetadata value) {
            return standard.isEmpty(provider, value);
        }

        @Override
        public Class<DatasetMetadata> handledType() {
            return DatasetMetadata.class;
        }

        @Override
        public void resolve(SerializerProvider provider) throws JsonMappingException {
            if (standard instanceof ResolvableSerializer resolvable) {
                resolvable.resolve(provider);
            }
        }

        @Override
        public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
                throws JsonMappingException {
            JsonSerializer<?> contextual = standard instanceof ContextualSerializer c
                    ? c.createContextual(provider, property) : standard;
            return contextual == standard ? this : new Splicing(contextual);
        }

        static final class Modifier extends BeanSerializerModifier {
            @Override
            public JsonSerializer<?> modifySerializer(SerializationConfig config, BeanDescription description,
                    JsonSerializer<?> serializer) {
                return description.getBeanClass() == DatasetMetadata.class ? new Splicing(serializer) : serializer;
            }
        }
    }
}
