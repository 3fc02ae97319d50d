package org.bioimagecatalog.harvester.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bioimagecatalog.harvester.publish.RecordPublisher;
import org.bioimagecatalog.harvester.replay.CassetteReplayServer;
import org.bioimagecatalog.harvester.run.HarvestedItem;
import org.bioimagecatalog.model.events.HarvestedRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzz of every parser: each real fixture record is broken in many seeded ways ({@link Mutator}) and fed
 * to its parser. A parser may accept a mutant (a usable record) or reject it with a reason; anything else — an
 * unexpected exception, a record without key or title, one too large to publish, a parser that hangs — is a crash,
 * reported with the seed, the target, the mutant's number and its operators so that it can be replayed:
 * {@code -Dbic.fuzz.seed=<seed> -Dbic.fuzz.mutants=<per target>}.
 */
class ParserMutationFuzzTest {
    static final long SEED = Long.getLong("bic.fuzz.seed", 20261125L);
    static final int MUTANTS = Integer.getInteger("bic.fuzz.mutants", 1200);
    private static final long TIMEOUT_SECONDS = 30;

    @TempDir
    static Path work;
    private static CassetteReplayServer server;
    private static ExecutorService executor;
    private static final List<String> SUMMARY = new ArrayList<>();

    @BeforeAll
    static void start() {
        server = CassetteReplayServer.replay();
        executor = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stop() {
        server.close();
        executor.shutdownNow();
        SUMMARY.forEach(System.out::println);
    }

    @Test
    void idrStudyFiles() throws Exception {
        fuzz(FuzzTargets.idrStudyFiles(work));
    }

    @Test
    void gideRoCrates() throws Exception {
        fuzz(FuzzTargets.gideCrates(work));
    }

    @Test
    void bioStudiesStudies() throws Exception {
        fuzz(FuzzTargets.bioStudies(work));
    }

    @Test
    void empiarEntryJson() throws Exception {
        fuzz(FuzzTargets.empiarJson(work));
    }

    @Test
    void empiarEntryXml() throws Exception {
        fuzz(FuzzTargets.empiarXml(work));
    }

    @Test
    void idrOmeroApiAnswers() throws Exception {
        fuzz(FuzzTargets.idrOmeroApi(work));
    }

    @Test
    void oaiPmhPages() throws Exception {
        fuzz(FuzzTargets.oaiPmhPages(work));
    }

    @Test
    void dataciteXml() throws Exception {
        fuzz(FuzzTargets.dataciteXml());
    }

    @Test
    void dataciteRestPages() throws Exception {
        fuzz(FuzzTargets.dataciteRest(server));
    }

    @Test
    void zenodoRestPages() throws Exception {
        fuzz(FuzzTargets.zenodoRest(server));
    }

    private void fuzz(FuzzTarget target) throws Exception {
        long seed = SEED ^ target.name().hashCode();
        Mutator mutator = new Mutator(seed, target.format());
        List<Path> seeds = target.seeds();
        assertThat(seeds).as("fixture records for %s", target.name()).isNotEmpty();
        int accepted = 0;
        int rejected = 0;
        int oversize = 0;
        List<String> crashes = new ArrayList<>();
        for (int i = 0; i < MUTANTS; i++) {
            Path original = seeds.get(i % seeds.size());
            Mutator.Mutant mutant = mutator.mutate(Files.readAllBytes(original));
            String where = "seed " + SEED + ", target " + target.name() + ", mutant #" + i + " of "
                    + original.getFileName() + " (" + mutant.operators() + ")";
            int index = i;
            Future<FuzzTarget.Outcome> run = executor.submit(() -> target.run(mutant.bytes(), original, index));
            FuzzTarget.Outcome outcome;
            try {
                outcome = run.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                crashes.add(where + ": no answer within " + TIMEOUT_SECONDS + " s");
                continue;
            } catch (java.util.concurrent.ExecutionException e) {
                crashes.add(where + ": " + e.getCause() + at(e.getCause()));
                continue;
            }
            for (HarvestedItem item : outcome.accepted()) {
                String problem = unusable(item);
                if (problem != null) {
                    crashes.add(where + ": accepted " + problem);
                } else if (tooLarge(item)) {
                    oversize++; // the run rejects it before publishing (MutantHarvestRunTest checks that)
                }
            }
            for (String reason : outcome.rejections()) {
                if (reason == null || reason.isBlank()) {
                    crashes.add(where + ": rejected without a reason");
                }
            }
            accepted += outcome.accepted().isEmpty() ? 0 : 1;
            rejected += outcome.rejections().isEmpty() ? 0 : 1;
        }
        SUMMARY.add(String.format("fuzz %-16s seed %d: %d mutants of %d records, %d accepted (%d too large to publish), %d rejected,"
                + " %d crashes", target.name(), SEED, MUTANTS, seeds.size(), accepted, oversize, rejected, crashes.size()));
        assertThat(crashes).as("parser crashes (replay with -Dbic.fuzz.seed=%d)", SEED).isEmpty();
    }

    /** Why an accepted record is not a usable record, or null when it is. */
    private static String unusable(HarvestedItem item) {
        if (item.nativeId() == null || item.nativeId().isBlank()) {
            return "a record without a native id";
        }
        if (item.metadata() == null || item.metadata().title() == null || item.metadata().title().isBlank()) {
            return "a record without a title: " + item.nativeId();
        }
        return null;
    }

    private static boolean tooLarge(HarvestedItem item) {
        return RecordPublisher.size(HarvestedRecord.of("fuzz", "fuzz", item.nativeId(), item.sourceUrl(), item.metadata()))
                > RecordPublisher.MAX_RECORD_BYTES;
    }

    private static String at(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        for (StackTraceElement frame : trace) {
            if (frame.getClassName().startsWith("org.bioimagecatalog")) {
                return " at " + frame;
            }
        }
        return trace.length > 0 ? " at " + trace[0] : "";
    }
}
