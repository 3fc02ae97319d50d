package org.bioimagecatalog.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One stage's output count over a run, sampled at times in ms since the run started: when the stage began (its
 * first output), when it reached a count, its own rate over that span, and how far it was behind another stage.
 * bin/bench pipeline keeps one per stage (harvester published, catalog out, search indexed, reuse tracker applied).
 */
final class StageProgress {
    record Sample(long atMs, long count) {}

    final String name;
    private final List<Sample> samples = new ArrayList<>();

    StageProgress(String name) {
        this.name = name;
    }

    synchronized void add(long atMs, long count) {
        samples.add(new Sample(atMs, count));
    }

    synchronized long last() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).count();
    }

    /** When the first output was seen, -1 if none yet. */
    synchronized long startMs() {
        return samples.stream().filter(s -> s.count() > 0).mapToLong(Sample::atMs).findFirst().orElse(-1);
    }

    /** When the count first reached {@code target}, -1 if it has not. */
    synchronized long reachedMs(long target) {
        return samples.stream().filter(s -> s.count() >= target).mapToLong(Sample::atMs).findFirst().orElse(-1);
    }

    /** {@code target} per second from the first output to reaching it (one sample interval when both fall in one). */
    double rate(long target, long intervalMs) {
        long start = startMs();
        long end = reachedMs(target);
        if (start < 0 || end < 0) {
            return 0;
        }
        // the first output happened some time in the interval before it was seen
        return target * 1000.0 / Math.max(intervalMs, end - start + intervalMs);
    }

    /**
     * The most {@code follower} was behind {@code leader}, in ms: at each of the follower's samples, the time since
     * the leader first had more than the follower has now (0 when the follower had caught up).
     */
    static long maxBehindMs(StageProgress leader, StageProgress follower) {
        return maxBehindMs(leader, follower, 0);
    }

    /** As {@link #maxBehindMs(StageProgress, StageProgress)}, over the follower's samples from {@code fromMs} on. */
    static long maxBehindMs(StageProgress leader, StageProgress follower, long fromMs) {
        List<Sample> lead;
        List<Sample> follow;
        synchronized (leader) {
            lead = List.copyOf(leader.samples);
        }
        synchronized (follower) {
            follow = List.copyOf(follower.samples);
        }
        long max = 0;
        for (Sample f : follow) {
            if (f.atMs() < fromMs) {
                continue;
            }
            for (Sample l : lead) {
                if (l.atMs() > f.atMs()) {
                    break;
                }
                if (l.count() > f.count()) {
                    max = Math.max(max, f.atMs() - l.atMs());
                    break;
                }
            }
        }
        return max;
    }
}
