package org.bioimagecatalog.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.bioimagecatalog.harvester.idr.IdrStudy;
import org.bioimagecatalog.harvester.idr.IdrStudyFileParser;
import org.bioimagecatalog.model.DatasetMetadata;

/**
 * The corpus model of the synthetic benchmarks: the IDR fixture studies as the harvester reads them (its own
 * {@link IdrStudyFileParser}), their title and description words, and the archives weighted by their number of
 * fixture files. Records drawn from it have the lengths, word frequencies and facet values of real studies, each
 * facet from an independently drawn study, in a sequence fixed by the seed.
 */
public class StudyCorpus {
    /** The archives a synthetic record may come from, as folders of the fixtures. */
    static final List<String> ARCHIVES = List.of("idr", "bia", "empiar", "ssbd", "bbbc", "zenodo");

    final List<DatasetMetadata> studies;
    final List<String> titleWords = new ArrayList<>();
    final List<String> descWords = new ArrayList<>();
    final List<String> sources = new ArrayList<>();
    final Random rnd;

    public StudyCorpus(List<DatasetMetadata> studies, Map<String, Integer> sourceWeights, long seed) {
        if (studies.isEmpty()) {
            throw new IllegalArgumentException("no readable IDR study among the fixtures");
        }
        this.studies = List.copyOf(studies);
        this.rnd = new Random(seed);
        for (DatasetMetadata s : studies) {
            titleWords.addAll(words(s.title()));
            descWords.addAll(words(s.description()));
        }
        sourceWeights.forEach((s, w) -> {
            for (int i = 0; i < w; i++) {
                sources.add(s);
            }
        });
        Collections.sort(sources);
        if (sources.isEmpty()) {
            sources.add("idr");
        }
    }

    /** A generator of records over the same corpus and draws (a subclass adds what it generates). */
    protected StudyCorpus(StudyCorpus base) {
        this.studies = base.studies;
        this.titleWords.addAll(base.titleWords);
        this.descWords.addAll(base.descWords);
        this.sources.addAll(base.sources);
        this.rnd = base.rnd;
    }

    /** The corpus of the fixtures at {@code fixtures} ({@code idr/study-files} and the archives' folders). */
    public static StudyCorpus of(Path fixtures, long seed) throws IOException {
        List<DatasetMetadata> studies = new ArrayList<>();
        for (IdrStudy s : idrStudies(fixtures.resolve("idr/study-files"))) {
            if (s.metadata().title() != null && !s.metadata().title().isBlank()) {
                studies.add(s.metadata());
            }
        }
        return new StudyCorpus(studies, sourceWeights(fixtures), seed);
    }

    /** Every readable {@code *-study.txt} of the folder, once per accession, in file name order. */
    public static List<IdrStudy> idrStudies(Path studyFiles) throws IOException {
        IdrStudyFileParser parser = new IdrStudyFileParser();
        List<IdrStudy> read = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try (Stream<Path> files = Files.list(studyFiles)) {
            for (Path f : files.filter(p -> p.toString().endsWith("-study.txt")).sorted().toList()) {
                try {
                    IdrStudy s = parser.parse(Files.readAllBytes(f), f.getFileName().toString());
                    if (seen.add(s.accession())) {
                        read.add(s);
                    }
                } catch (Exception e) {
                    // the fixtures hold deliberately broken study files; the corpus is the readable ones
                    System.err.println("bench: skipped " + f.getFileName() + ": " + e.getMessage());
                }
            }
        }
        return read;
    }

    /** Per archive folder of the fixtures, its number of files (at least 1). */
    static Map<String, Integer> sourceWeights(Path fixtures) throws IOException {
        Map<String, Integer> weights = new TreeMap<>();
        for (String s : ARCHIVES) {
            Path p = fixtures.resolve(s);
            if (Files.isDirectory(p)) {
                try (Stream<Path> w = Files.walk(p)) {
                    weights.put(s, (int) Math.max(1, w.filter(Files::isRegularFile).count()));
                }
            }
        }
        return weights;
    }

    static List<String> words(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\s+")).filter(w -> !w.isBlank()).toList();
    }

    <T> T pick(List<T> l) {
        return l.get(rnd.nextInt(l.size()));
    }

    String text(List<String> vocab, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : " ").append(pick(vocab));
        }
        return b.toString();
    }

    String uuid() {
        return new UUID(rnd.nextLong(), rnd.nextLong()).toString();
    }

    public int studyCount() {
        return studies.size();
    }

    public Map<String, Long> sourceShares() {
        Map<String, Long> shares = new TreeMap<>();
        sources.forEach(s -> shares.merge(s, 1L, Long::sum));
        return shares;
    }
}
