package org.bioimagecatalog.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;
import org.bioimagecatalog.catalog.dataset.RowCount;
import org.bioimagecatalog.testsupport.StackTestResource;
import org.junit.jupiter.api.Test;

/** The list total: the planner's estimate above the threshold, an exact count under it or when asked. */
@QuarkusTest
@QuarkusTestResource(StackTestResource.class)
class RowCountTest {
    private static final String QUALITY_AT_LEAST = "from dataset d where d.quality_score >= :min or d.id = :id";
    private static final Map<String, Object> PARAMS = Map.of("min", 0, "id", "bic-000000000000");

    @Inject
    EntityManager em;

    @Test
    @Transactional
    void aboveTheThresholdTheTotalIsThePlannersEstimateWithTheParametersBound() {
        RowCount.Total total = new RowCount(em, 0).of(QUALITY_AT_LEAST, PARAMS, false);

        assertThat(total.exact()).isFalse();
        assertThat(total.value()).isGreaterThanOrEqualTo(1); // the planner never estimates fewer than one row
    }

    @Test
    @Transactional
    void underTheThresholdOrWhenAskedTheTotalIsCounted() {
        long counted = ((Number) em.createNativeQuery("select count(*) from dataset d where d.quality_score >= 0"
                + " or d.id = 'bic-000000000000'").getSingleResult()).longValue();

        assertThat(new RowCount(em, Long.MAX_VALUE).of(QUALITY_AT_LEAST, PARAMS, false))
                .isEqualTo(new RowCount.Total(counted, true));
        assertThat(new RowCount(em, 0).of(QUALITY_AT_LEAST, PARAMS, true))
                .isEqualTo(new RowCount.Total(counted, true));
        assertThat(new RowCount(em, 0).exactIfSmall(QUALITY_AT_LEAST, PARAMS)).isNull();
        assertThat(new RowCount(em, Long.MAX_VALUE).exactIfSmall(QUALITY_AT_LEAST, PARAMS)).isEqualTo(counted);
    }
}
