package org.bioimagecatalog.catalog.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;

/**
 * The ingest's JDBC rows against the real PostgreSQL: what they write is what they (and Hibernate, for the API) read
 * back, a locked read leaves the metadata out and an update given none keeps it, and batches change only their rows.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class RowsTest {
    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00.123456Z");

    @Inject
    SourceRecordRows records;

    @Inject
    DatasetRows datasets;

    @Test
    void sourceRecordsWrittenInBatchesReadBackAsWrittenAndKeepTheirMetadataWhenUpdatedWithout() {
        String run = UUID.randomUUID().toString();
        String a = "rowstest:a-" + run;
        String b = "rowstest:b-" + run;
        QuarkusTransaction.requiringNew().run(() -> {
            datasets.insert(List.of(dataset("bic-rows-a-" + run, 1, null), dataset("bic-rows-b-" + run, 1, null)));
            records.insert(List.of(record(a, "bic-rows-a-" + run, "{\"title\": \"A\"}"),
                    record(b, "bic-rows-b-" + run, "{\"title\": \"B\"}")));
        });

        List<SourceRecord> locked = QuarkusTransaction.requiringNew().call(() -> records.lockAll(List.of(b, a, "rowstest:none")));
        assertThat(locked).extracting(r -> r.recordKey).containsExactly(a, b);
        assertThat(locked).allSatisfy(r -> assertThat(r.metadata).isNull());
        SourceRecord first = locked.get(0);
        assertThat(first.source).isEqualTo("rowstest");
        assertThat(first.firstSeen).isEqualTo(T0);
        assertThat(first.matchVersion).isEqualTo(2);
        assertThat(first.contentHash).isEqualTo("hash-" + a);

        // a deleted record, read by lockAll (no metadata), keeps its stored metadata; the other is only seen
        first.deleted = true;
        first.contentHash = null;
        first.lastRunId = "run-2";
        SourceRecord second = locked.get(1);
        second.lastSeen = T0.plus(1, ChronoUnit.DAYS);
        second.lastRunId = "run-2";
        QuarkusTransaction.requiringNew().run(() -> {
            records.update(List.of(first));
            records.seen(List.of(second));
            records.moveToDatasets(Map.of(b, "bic-rows-a-" + run));
        });

        SourceRecord deleted = QuarkusTransaction.requiringNew().call(() -> SourceRecord.<SourceRecord>findById(a));
        assertThat(deleted.deleted).isTrue();
        assertThat(deleted.contentHash).isNull();
        assertThat(deleted.metadata).contains("\"A\"");
        assertThat(deleted.lastRunId).isEqualTo("run-2");
        List<SourceRecord> both = QuarkusTransaction.requiringNew().call(
                () -> records.inDatasetsOrKeys(List.of("bic-rows-a-" + run), List.of()));
        assertThat(both).extracting(r -> r.recordKey).containsExactly(a, b);
        assertThat(both.get(1).lastSeen).isEqualTo(T0.plus(1, ChronoUnit.DAYS));
        assertThat(both.get(1).lastRunId).isEqualTo("run-2");
        assertThat(both.get(1).metadataValue().title()).isEqualTo("B");
    }

    @Test
    void datasetsAndVersionsWrittenInBatchesReadBackAsWritten() {
        String id = "bic-rows-" + UUID.randomUUID();
        Dataset created = dataset(id, 1, new String[] {"license", "organisms"});
        DatasetVersion version = DatasetVersion.of(created, "rowstest:x", "run-1", List.of("title"), created.document);
        QuarkusTransaction.requiringNew().run(() -> {
            datasets.insert(List.of(created));
            datasets.insertVersions(List.of(version));
        });

        Dataset read = QuarkusTransaction.requiringNew().call(() -> datasets.lockAll(List.of(id, "bic-none")).get(0));
        assertThat(read.version).isEqualTo(1);
        assertThat(read.qualityScore).isEqualTo(40);
        assertThat(read.qualityMissing).containsExactly("license", "organisms");
        assertThat(read.createdAt).isEqualTo(T0);
        assertThat(read.documentAsEvent()).isNull();

        read.mergeInto(id, T0.plusSeconds(5)); // into itself: only the columns matter here
        read.qualityScore = null;
        read.qualityMissing = null;
        QuarkusTransaction.requiringNew().run(() -> datasets.update(List.of(read)));

        Dataset entity = QuarkusTransaction.requiringNew().call(() -> Dataset.<Dataset>findById(id));
        assertThat(entity.version).isEqualTo(2);
        assertThat(entity.withdrawn).isTrue();
        assertThat(entity.mergedInto).isEqualTo(id);
        assertThat(entity.qualityScore).isNull();
        assertThat(entity.qualityMissing).isNull();
        assertThat(entity.updatedAt).isEqualTo(T0.plusSeconds(5));
        List<DatasetVersion> history = QuarkusTransaction.requiringNew().call(() -> DatasetVersion.newestFirst(id));
        assertThat(history).singleElement().satisfies(v -> {
            assertThat(v.changedFields).containsExactly("title");
            assertThat(v.sourceKey).isEqualTo("rowstest:x");
            assertThat(v.document).isEqualTo("null");
        });
    }

    private static SourceRecord record(String key, String datasetId, String metadata) {
        SourceRecord r = new SourceRecord();
        r.recordKey = key;
        r.source = "rowstest";
        r.nativeId = key.substring(key.indexOf(':') + 1);
        r.sourceUrl = "https://example.org/" + r.nativeId;
        r.contentHash = "hash-" + key;
        r.metadata = metadata;
        r.datasetId = datasetId;
        r.firstSeen = T0;
        r.lastSeen = T0;
        r.lastRunId = "run-1";
        r.matchVersion = 2;
        return r;
    }

    private static Dataset dataset(String id, int version, String[] missing) {
        Dataset d = Dataset.create(id, T0);
        d.version = version;
        d.contentHash = "hash-" + id;
        d.document = "null";
        d.updatedAt = T0;
        d.provenance = "{\"title\": {\"from\": [\"rowstest:x\"]}}";
        d.qualityScore = 40;
        d.qualityMissing = missing;
        d.normaliserVersion = 1;
        return d;
    }
}
