package org.bioimagecatalog.search.api;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.bioimagecatalog.search.SearchConfig;
import org.junit.jupiter.api.Test;

class AdminAccessTest {

    @Test
    void withAnAdminKeyOnlyThatKeyIsLetThrough() {
        AdminAccess access = new AdminAccess(config(Map.of("bic.search.admin.key", "s3cret")));
        assertThatCode(() -> access.requireAdmin("s3cret")).doesNotThrowAnyException();
        assertThatThrownBy(() -> access.requireAdmin("guess")).isInstanceOf(AdminAccessDeniedException.class);
        assertThatThrownBy(() -> access.requireAdmin(null)).isInstanceOf(AdminAccessDeniedException.class);
    }

    @Test
    void withoutAKeyTheAdminEndpointsAreOpenUntilApiKeysExist() {
        AdminAccess access = new AdminAccess(config(Map.of()));
        assertThatCode(() -> access.requireAdmin(null)).doesNotThrowAnyException();
    }

    private static SearchConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withMapping(SearchConfig.class)
                .withSources(new io.smallrye.config.PropertiesConfigSource(values, "test", 500))
                .build()
                .getConfigMapping(SearchConfig.class);
    }
}
