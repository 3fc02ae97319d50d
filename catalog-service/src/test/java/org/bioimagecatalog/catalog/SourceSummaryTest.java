package org.bioimagecatalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.bioimagecatalog.catalog.dataset.DatasetIds;
import org.bioimagecatalog.catalog.ingest.PollApplier;
import org.bioimagecatalog.catalog.merge.MergeDecisions;
import org.bioimagecatalog.model.DatasetMetadata;
import org.bioimagecatalog.model.Identifier;
import org.bioimagecatalog.model.License;
import org.bioimagecatalog.model.Organism;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/sources} reads the per-archive summary that the database's triggers keep (V9). Its figures must
 * be, after every write, those of the aggregate over every record and dataset it replaced: here after polls of the
 * real ingest and a curator's split and join, and after each kind of statement a writer may send (several rows at
 * once, a record before its dataset, an upsert, a delete), each compared with that aggregate.
 */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class SourceSummaryTest {
    /** Archives of these tests' own: other test classes of this JVM write to the same catalog. */
    private static final String A = "summarytest-a";
    private static final String B = "summarytest-b";

    /**
     * The aggregate {@code DatasetQueries.sources()} ran on every call before V9, for some archives: records, deleted,
     * last harvest, live datasets and their average quality (one decimal).
     */
    private static final String AGGREGATE = """
            with per_source as (
                select s.source, count(*) filter (where not s.deleted) as records,
                       count(*) filter (where s.deleted) as deleted, max(s.last_seen) as last_harvest
                  from source_record s where s.source = any(?) group by s.source),
            live as (
                select distinct s.source, d.id, d.quality_score
                  from source_record s join dataset d on d.id = s.dataset_id
                 where not s.deleted and not d.withdrawn and s.source = any(?))
            select p.source, p.records, p.deleted, p.last_harvest,
                   (select count(*) from live l where l.source = p.source),
                   round((select avg(l.quality_score) from live l where l.source = p.source), 1)
              from per_source p order by p.source""";
    private static final String SUMMARY = """
            select source, records, deleted, last_harvest, datasets,
                   round(quality_sum::numeric / nullif(quality_n, 0), 1)
              from source_summary where source = any(?) and (records > 0 or deleted > 0) order by source""";

    @Inject
    PollApplier polls;

    @Inject
    MergeDecisions decisions;

    @Inject
    AgroalDataSource db;

    @Test
    void theApiFollowsEveryPollAndCuratorsSplitAndJoin() throws SQLException {
        Instant first = Instant.parse("2026-12-07T10:00:00Z");
        // A:1 and B:1 share a data DOI (one dataset of two archives); A:2 and A:3 stand alone
        polls.apply(List.of(
                arrival(first, A, "S-1", metadata("One", "10.5555/summary.1").license(cc0()).build()),
                arrival(first.plusSeconds(1), B, "S-1", metadata("One, mirrored", "10.5555/summary.1").build()),
                arrival(first.plusSeconds(2), A, "S-2", metadata("Two", "10.5555/summary.2")
                        .organism(new Organism("Danio rerio", "7955")).license(cc0()).build()),
                arrival(first.plusSeconds(3), A, "S-3", metadata("Three", "10.5555/summary.3").build())));
        String one = DatasetIds.forSourceKey(A + ":S-1");
        String two = DatasetIds.forSourceKey(A + ":S-2");
        assertFigures(A, 3, 0, 3, "2026-12-07T10:00:03Z");
        assertFigures(B, 1, 0, 1, "2026-12-07T10:00:01Z");

        // a re-harvest sees A:1 again, unchanged, and the archive deleted A:3 (its dataset is withdrawn)
        Instant later = Instant.parse("2026-12-07T12:00:00Z");
        polls.apply(List.of(
                arrival(later, A, "S-1", metadata("One", "10.5555/summary.1").license(cc0()).build()),
                deletion(later.plusSeconds(5), A, "S-3")));
        assertFigures(A, 2, 1, 2, "2026-12-07T12:00:05Z");
        assertFigures(B, 1, 0, 1, "2026-12-07T10:00:01Z");

        // a curator splits B:1 out of the dataset it shares with A:1: B's record is now a dataset of its own
        decisions.split(one, B + ":S-1", "summary test");
        assertFigures(A, 2, 1, 2, "2026-12-07T12:00:05Z");
        assertFigures(B, 1, 0, 1, "2026-12-07T10:00:01Z");

        // and joins A:2's dataset into A:1's: one dataset holds both of A's live records
        decisions.join(one, two, "summary test");
        assertFigures(A, 2, 1, 1, "2026-12-07T12:00:05Z");
        assertFigures(B, 1, 0, 1, "2026-12-07T10:00:01Z");
    }

    @Test
    void everyKindOfStatementKeepsTheSummaryEqualToTheAggregate() throws SQLException {
        String c = "summarytest-c";
        String d = "summarytest-d";
        String[] sources = {c, d};
        try (Connection connection = db.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                // records before their dataset (the foreign key is deferred), two of one archive in one statement
                sql.execute("insert into source_record (key, source, native_id, dataset_id, first_seen, last_seen) values"
                        + " ('" + c + ":1', '" + c + "', '1', 'bic-summary00001', now(), '2026-12-01T00:00:00Z'),"
                        + " ('" + c + ":2', '" + c + "', '2', 'bic-summary00001', now(), '2026-12-02T00:00:00Z'),"
                        + " ('" + d + ":1', '" + d + "', '1', 'bic-summary00001', now(), '2026-12-03T00:00:00Z')");
                assertEqualToAggregate(connection, sources);
                sql.execute("insert into dataset (id, version, content_hash, document, created_at, updated_at, quality_score)"
                        + " values ('bic-summary00001', 1, 'h', '{}', now(), now(), 70),"
                        + " ('bic-summary00002', 1, 'h', '{}', now(), now(), null)");
                assertEqualToAggregate(connection, sources);
                assertThat(summary(connection, sources).get(c)).containsExactly(c, 2L, 0L, "2026-12-02T00:00:00Z", 1L,
                        new BigDecimal("70.0"));
                // a dataset before its record, and a record whose dataset has no score
                sql.execute("insert into source_record (key, source, native_id, dataset_id, first_seen, last_seen) values"
                        + " ('" + c + ":3', '" + c + "', '3', 'bic-summary00002', now(), '2026-12-01T00:00:00Z')");
                assertEqualToAggregate(connection, sources);
                // several rows at once: both of c's records move to the other dataset
                sql.execute("update source_record set dataset_id = 'bic-summary00002' where key in ('" + c + ":1', '" + c + ":2')");
                assertEqualToAggregate(connection, sources);
                // an upsert that finds the record: no new row, the record deleted
                sql.execute("insert into source_record (key, source, native_id, dataset_id, first_seen, last_seen) values"
                        + " ('" + c + ":3', '" + c + "', '3', 'bic-summary00002', now(), '2026-12-04T00:00:00Z')"
                        + " on conflict (key) do update set deleted = true, last_seen = excluded.last_seen");
                assertEqualToAggregate(connection, sources);
                sql.execute("insert into source_record (key, source, native_id, dataset_id, first_seen, last_seen) values"
                        + " ('" + c + ":3', '" + c + "', '3', 'bic-summary00002', now(), now()) on conflict do nothing");
                assertEqualToAggregate(connection, sources);
                // a score changes, a dataset is withdrawn and restored, a sighting that is older moves nothing
                sql.execute("update dataset set quality_score = 90 where id = 'bic-summary00002'");
                assertEqualToAggregate(connection, sources);
                sql.execute("update dataset set withdrawn = true where id = 'bic-summary00001'");
                assertEqualToAggregate(connection, sources);
                sql.execute("update source_record set last_seen = '2025-01-01T00:00:00Z' where key = '" + d + ":1'");
                assertThat(summary(connection, sources).get(d).get(3)).isEqualTo("2026-12-03T00:00:00Z");
                sql.execute("update dataset set withdrawn = false where id = 'bic-summary00001'");
                sql.execute("update source_record set last_seen = '2026-12-09T00:00:00Z' where key = '" + d + ":1'");
                // last_harvest never goes back: compared with the aggregate only while no sighting went back
                assertThat(summary(connection, sources).get(d)).containsExactly(d, 1L, 0L, "2026-12-09T00:00:00Z", 1L,
                        new BigDecimal("70.0"));
                // rows that leave
                sql.execute("delete from source_record where key = '" + c + ":1'");
                assertEqualToAggregate(connection, sources);
                sql.execute("delete from source_record where source = '" + d + "'");
                sql.execute("delete from dataset where id = 'bic-summary00001'");
                assertThat(summary(connection, sources)).containsOnlyKeys(c);
                assertEqualToAggregate(connection, sources);
            } finally {
                connection.rollback();
            }
        }
    }

    private void assertFigures(String source, long records, long deleted, long datasets, String lastHarvest)
            throws SQLException {
        JsonPath sources = given().get("/api/v1/sources").then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = sources.getMap("items.find { it.source == '" + source + "' }");
        assertThat(item).as(source).isNotNull();
        assertThat(List.of(item.get("records"), item.get("deleted"), item.get("datasets"), item.get("lastHarvest")))
                .as(source).containsExactly((int) records, (int) deleted, (int) datasets, lastHarvest);
        try (Connection connection = db.getConnection()) {
            List<Object> truth = aggregate(connection, source).get(source);
            Object average = item.get("averageQuality");
            assertThat(List.of(item.get("source"), ((Number) item.get("records")).longValue(),
                    ((Number) item.get("deleted")).longValue(), item.get("lastHarvest"),
                    ((Number) item.get("datasets")).longValue(),
                    average == null ? "none" : new BigDecimal(average.toString()).setScale(1, RoundingMode.UNNECESSARY)))
                    .as("the API's figures for %s against the aggregate", source)
                    .isEqualTo(truth.stream().map(v -> v == null ? "none" : v).toList());
        }
    }

    private static void assertEqualToAggregate(Connection connection, String... sources) throws SQLException {
        assertThat(summary(connection, sources)).isEqualTo(aggregate(connection, sources));
    }

    private static Map<String, List<Object>> aggregate(Connection connection, String... sources) throws SQLException {
        return rows(connection, AGGREGATE, sources, 2);
    }

    private static Map<String, List<Object>> summary(Connection connection, String... sources) throws SQLException {
        return rows(connection, SUMMARY, sources, 1);
    }

    /** Each row by its archive: source, records, deleted, last harvest (ISO), datasets, average (or null). */
    private static Map<String, List<Object>> rows(Connection connection, String sql, String[] sources, int arrays)
            throws SQLException {
        Map<String, List<Object>> rows = new TreeMap<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 1; i <= arrays; i++) {
                query.setArray(i, connection.createArrayOf("text", sources));
            }
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    row.add(r.getString(1));
                    row.add(r.getLong(2));
                    row.add(r.getLong(3));
                    java.sql.Timestamp last = r.getTimestamp(4);
                    row.add(last == null ? null : last.toInstant().toString());
                    row.add(r.getLong(5));
                    row.add(r.getBigDecimal(6));
                    rows.put(r.getString(1), row);
                }
            }
        }
        return rows;
    }

    private static PollApplier.Arrival arrival(Instant seen, String source, String nativeId, DatasetMetadata metadata) {
        return new PollApplier.Arrival(IdrRecords.recordSeenAt(seen, "run-summary", source, nativeId, metadata), null);
    }

    /** The archive deleted the record: seen at {@code seen}, without metadata. */
    private static PollApplier.Arrival deletion(Instant seen, String source, String nativeId) {
        return new PollApplier.Arrival(new HarvestedRecord(UUID.randomUUID().toString(), HarvestedRecord.SCHEMA_VERSION,
                HarvestedRecord.key(source, nativeId), seen, null, "run-summary", source, nativeId, null, true, null), null);
    }

    private static DatasetMetadata.Builder metadata(String title, String doi) {
        return DatasetMetadata.builder().title(title).description("A dataset of the source summary test: " + title)
                .identifier(Identifier.of(Identifier.DOI, doi));
    }

    private static License cc0() {
        return new License("CC0-1.0", "https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0");
    }
}
