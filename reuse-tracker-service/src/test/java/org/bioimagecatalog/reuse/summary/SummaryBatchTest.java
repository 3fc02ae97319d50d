package org.bioimagecatalog.reuse.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.bioimagecatalog.model.events.ReuseSummary;
import org.bioimagecatalog.reuse.citation.CitationLink;
import org.bioimagecatalog.reuse.citation.LinkRelation;
import org.bioimagecatalog.reuse.citation.PublicationEntity;
import org.bioimagecatalog.reuse.dataset.TrackedDataset;
import org.junit.jupiter.api.Test;

/**
 * One batch of stale summaries against a scripted Kafka: the broker cannot be made to refuse under the shared test
 * stack, so its answers are scripted here (locking and loading run against the real stack in ReuseSummaryBatchTest).
 */
class SummaryBatchTest {
    private static final ContextKey<String> EVENT = ContextKey.named("event");

    @Test
    void changedSummariesAreAllSentBeforeAnyAckIsAwaitedAndTheFlagsClearOnceAllAreAcknowledged() {
        TrackedDataset cited = stale("bic-cited", null);
        TrackedDataset unchanged = stale("bic-unchanged", null);
        unchanged.summaryHash = ReuseSummaryPublisher.SummaryContent.of("bic-unchanged",
                ReuseFigures.of(List.of(link("bic-unchanged", 7L, 2019)))).hash();
        TrackedDataset uncited = stale("bic-uncited", null);
        TrackedDataset twice = stale("bic-twice", "an older hash");
        // acknowledges nothing until both changed summaries were sent: waiting between sends would time out
        ScriptedKafka kafka = new ScriptedKafka(2, Set.of());

        List<ReuseSummaryPublisher.SummaryContent> sent = new SummaryBatch(kafka, Duration.ofSeconds(5)).publish(
                List.of(cited, unchanged, uncited, twice),
                Map.of("bic-cited", List.of(link("bic-cited", 1L, 2014)),
                        "bic-unchanged", List.of(link("bic-unchanged", 7L, 2019)),
                        "bic-twice", List.of(link("bic-twice", 1L, 2014), link("bic-twice", 2L, 2016))),
                Map.of("bic-cited", event("a"), "bic-unchanged", event("b"), "bic-twice", event("c")));

        assertThat(sent).extracting(ReuseSummaryPublisher.SummaryContent::datasetId).containsExactly("bic-cited", "bic-twice");
        assertThat(kafka.summaries).extracting(ReuseSummary::datasetId, ReuseSummary::citations, ReuseSummary::byYear)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("bic-cited", 1, Map.of(2014, 1)),
                        org.assertj.core.groups.Tuple.tuple("bic-twice", 2, Map.of(2014, 1, 2016, 1)));
        assertThat(kafka.summaries.get(1).contentHash()).isEqualTo(twice.summaryHash);
        assertThat(kafka.contexts).extracting(c -> c.get(EVENT)).containsExactly("a", "c");
        assertThat(List.of(cited, unchanged, uncited, twice)).allSatisfy(d -> {
            assertThat(d.summaryStale).as(d.datasetId).isFalse();
            assertThat(d.summaryHash).as(d.datasetId).hasSize(64);
        });
        // "no summary yet" counts as zero: an uncited dataset announces nothing and remembers zero
        assertThat(uncited.summaryHash).isEqualTo(ReuseSummaryPublisher.SummaryContent.of("bic-uncited",
                ReuseFigures.of(List.of())).hash());
    }

    @Test
    void aSummaryKafkaRefusesLeavesEveryDatasetOfTheBatchStaleAsItWas() {
        TrackedDataset first = stale("bic-first", null);
        TrackedDataset refused = stale("bic-refused", "an older hash");
        TrackedDataset last = stale("bic-last", null);
        ScriptedKafka kafka = new ScriptedKafka(3, Set.of("bic-refused"));

        assertThatThrownBy(() -> new SummaryBatch(kafka, Duration.ofSeconds(5)).publish(List.of(first, refused, last),
                Map.of("bic-first", List.of(link("bic-first", 1L, 2014)),
                        "bic-refused", List.of(link("bic-refused", 2L, 2015)),
                        "bic-last", List.of(link("bic-last", 3L, 2016))), Map.of()))
                .isInstanceOf(SummaryBatch.NotAcknowledged.class)
                .hasCauseInstanceOf(RecordTooLargeException.class);

        assertThat(kafka.summaries).extracting(ReuseSummary::datasetId)
                .as("every send was issued before the first ack was awaited")
                .containsExactly("bic-first", "bic-refused", "bic-last");
        assertThat(List.of(first, refused, last)).allSatisfy(d -> assertThat(d.summaryStale).as(d.datasetId).isTrue());
        assertThat(first.summaryHash).isNull();
        assertThat(refused.summaryHash).isEqualTo("an older hash");
        assertThat(last.summaryHash).isNull();
    }

    @Test
    void anAcknowledgementThatNeverComesEndsTheWaitAtThePublishTimeoutAndLeavesTheBatchStale() {
        TrackedDataset dataset = stale("bic-unanswered", null);
        ScriptedKafka kafka = new ScriptedKafka(Integer.MAX_VALUE, Set.of());

        assertThatThrownBy(() -> new SummaryBatch(kafka, Duration.ofMillis(200)).publish(List.of(dataset),
                Map.of("bic-unanswered", List.of(link("bic-unanswered", 1L, 2014))), Map.of()))
                .isInstanceOf(SummaryBatch.NotAcknowledged.class).hasMessageContaining("within PT0.2S");

        assertThat(dataset.summaryStale).isTrue();
        assertThat(dataset.summaryHash).isNull();
    }

    private static Context event(String name) {
        return Context.root().with(EVENT, name);
    }

    private static TrackedDataset stale(String datasetId, String summaryHash) {
        TrackedDataset dataset = new TrackedDataset();
        dataset.datasetId = datasetId;
        dataset.summaryHash = summaryHash;
        dataset.summaryStale = true;
        return dataset;
    }

    private static CitationLink link(String datasetId, long publicationId, Integer year) {
        PublicationEntity publication = new PublicationEntity();
        publication.id = publicationId;
        publication.year = year;
        CitationLink link = new CitationLink();
        link.datasetId = datasetId;
        link.publication = publication;
        link.relation = LinkRelation.PRIMARY;
        return link;
    }

    /**
     * Holds every acknowledgement until {@code sendsBeforeAcks} summaries were sent, then answers them all: success,
     * or Kafka's refusal for the listed datasets.
     */
    private static final class ScriptedKafka implements SummaryBatch.Sender {
        private final int sendsBeforeAcks;
        private final Set<String> refused;
        final List<ReuseSummary> summaries = new ArrayList<>();
        final List<Context> contexts = new ArrayList<>();
        private final List<CompletableFuture<Void>> pending = new ArrayList<>();

        ScriptedKafka(int sendsBeforeAcks, Set<String> refused) {
            this.sendsBeforeAcks = sendsBeforeAcks;
            this.refused = refused;
        }

        @Override
        public CompletionStage<Void> send(ReuseSummary summary, Context context) {
            summaries.add(summary);
            contexts.add(context);
            CompletableFuture<Void> ack = new CompletableFuture<>();
            pending.add(ack);
            if (summaries.size() == sendsBeforeAcks) {
                for (int i = 0; i < pending.size(); i++) {
                    if (refused.contains(summaries.get(i).datasetId())) {
                        pending.get(i).completeExceptionally(new RecordTooLargeException("The message is 1400000 bytes"));
                    } else {
                        pending.get(i).complete(null);
                    }
                }
            }
            return ack;
        }
    }
}
