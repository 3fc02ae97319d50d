package org.bioimagecatalog.catalog.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NCBI's 3 requests per second: the pacer never lets a fourth request start within the first second. */
class EutilsClientPacingTest {

    @Test
    void fourRequestsAtThreePerSecondSpanAtLeastOneSecond() throws Exception {
        EutilsClient.RequestPacer pacer = new EutilsClient.RequestPacer(3);
        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            pacer.await();
        }
        // a lower bound only: the pacer sleeps at least 3 intervals of 333 ms before the fourth request
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(999);
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresAndASuccessResetsTheCount() {
        EutilsClient.Breaker breaker = new EutilsClient.Breaker(2, java.time.Duration.ofMinutes(5));
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.check(); // one failure since the success: still closed
        breaker.failed();
        org.assertj.core.api.Assertions.assertThatThrownBy(breaker::check)
                .isInstanceOf(org.bioimagecatalog.model.vocab.TaxonResolver.Unavailable.class);
    }
}
