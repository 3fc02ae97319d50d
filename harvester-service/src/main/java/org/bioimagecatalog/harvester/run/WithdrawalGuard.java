package org.bioimagecatalog.harvester.run;

import java.util.Locale;
import java.util.Optional;

/**
 * Holds back withdrawals after a listing that shrank too much. A listing can be valid and still truncated (a
 * mirror half synced, a directory listing cut off, an API page limit): withdrawing what it misses would delete
 * real datasets downstream. So when a full run lists fewer than {@code 1 - maxShrink} of the records its source
 * and location had listed before, it withdraws nothing and counts no misses, and the run says why.
 */
public final class WithdrawalGuard {
    private final double maxShrink;

    /** {@code maxShrink}: the share of known records a full listing may miss, 0 to 1 ({@code 0.1}: 10%). */
    public WithdrawalGuard(double maxShrink) {
        if (maxShrink < 0 || maxShrink > 1) {
            throw new IllegalArgumentException("the withdrawal guard's share must be between 0 and 1, not " + maxShrink);
        }
        this.maxShrink = maxShrink;
    }

    /**
     * Why withdrawals are held, if they are: {@code known} records were listed at the location before this run,
     * {@code listed} of them (or new ones) by this run.
     */
    public Optional<String> hold(long known, long listed) {
        if (known == 0 || listed >= known) {
            return Optional.empty();
        }
        double shrink = (double) (known - listed) / known;
        if (shrink <= maxShrink) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "withdrew nothing: the listing shrank from %d to %d records"
                + " (%.0f%%, more than the %.0f%% a full run may miss; bic.harvester.withdraw-max-shrink); if the"
                + " records are really gone, raise the share for one run or let the source report deletions",
                known, listed, shrink * 100, maxShrink * 100));
    }
}
