package org.bioimagecatalog.harvester.fuzz;

import java.nio.file.Path;
import java.util.List;
import org.bioimagecatalog.harvester.run.HarvestedItem;

/** One parser as a harvest run drives it, fed one mutated record at a time. */
interface FuzzTarget {
    String name();

    Mutator.Format format();

    /** The real records the mutants are made from. */
    List<Path> seeds();

    /**
     * Runs the parser on one mutant of {@code seed}. Returns what it accepted and the reasons it gave for what it
     * rejected; anything it throws other than its documented rejection is a crash.
     */
    Outcome run(byte[] mutant, Path seed, int index) throws Exception;

    record Outcome(List<HarvestedItem> accepted, List<String> rejections) {}
}
