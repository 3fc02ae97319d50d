package org.bioimagecatalog.harvester.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WithdrawalGuardTest {
    private final WithdrawalGuard guard = new WithdrawalGuard(0.1);

    @Test
    void aListingThatShrankByAtMostTheShareMayWithdraw() {
        assertThat(guard.hold(100, 90)).isEmpty();
        assertThat(guard.hold(100, 100)).isEmpty();
        assertThat(guard.hold(100, 120)).isEmpty();
        assertThat(guard.hold(0, 0)).as("a first run has nothing to compare with").isEmpty();
    }

    @Test
    void aListingThatShrankMoreHoldsWithdrawalsAndSaysWhy() {
        assertThat(guard.hold(100, 89)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("from 100 to 89 records").contains("11%").contains("10%"));
        assertThat(guard.hold(10, 0)).isPresent();
    }

    @Test
    void theShareIsBetweenZeroAndOne() {
        assertThat(new WithdrawalGuard(1.0).hold(10, 0)).isEmpty();
        assertThatThrownBy(() -> new WithdrawalGuard(10)).isInstanceOf(IllegalArgumentException.class);
    }
}
