package org.bioimagecatalog.harvester.run;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bioimagecatalog.http.client.AddressGuard;
import org.junit.jupiter.api.Test;

/** Which harvest locations an admin may name, with the closed defaults and with explicit allowances. */
class HarvestLocationPolicyTest {
    private static final Optional<String> CONFIGURED = Optional.of("https://idr.example.org/metadata/");

    private final HarvestLocationPolicy closed = new HarvestLocationPolicy(new AddressGuard(false, false),
            Optional.empty(), Map.of("idr", List.of("https://93.184.216.34/mirror/")), false);

    @Test
    void urlsUnderTheConfiguredLocationOrAnAllowedBaseArePermitted() {
        assertThatCode(() -> closed.check("idr", Optional.of("https://93.184.216.34/idr/"), "https://93.184.216.34/idr/x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> closed.check("idr", CONFIGURED, "https://93.184.216.34/mirror/studies/"))
                .doesNotThrowAnyException();
    }

    @Test
    void otherUrlsAreRefused() {
        assertThatThrownBy(() -> closed.check("idr", CONFIGURED, "https://elsewhere.example.net/"))
                .isInstanceOf(InvalidLocationException.class).hasMessageContaining("bic.harvester.locations.allowed.idr");
        assertThatThrownBy(() -> closed.check("empiar", Optional.empty(), "https://93.184.216.34/mirror/"))
                .isInstanceOf(InvalidLocationException.class);
    }

    @Test
    void privateLoopbackAndMetadataAddressesAreRefusedEvenWhereAnyUrlIsAllowed() {
        HarvestLocationPolicy anyUrl = new HarvestLocationPolicy(new AddressGuard(false, false), Optional.empty(),
                Map.of(), true);
        for (String url : List.of("http://127.0.0.1:8090/idr/", "http://10.0.0.5/", "http://169.254.169.254/latest/",
                "http://[::1]/")) {
            assertThatThrownBy(() -> anyUrl.check("idr", Optional.empty(), url)).as(url)
                    .isInstanceOf(InvalidLocationException.class).hasMessageContaining("refused");
        }
        HarvestLocationPolicy replay = new HarvestLocationPolicy(new AddressGuard(true, false), Optional.empty(),
                Map.of(), true);
        assertThatCode(() -> replay.check("idr", Optional.empty(), "http://127.0.0.1:8090/idr/")).doesNotThrowAnyException();
    }

    @Test
    void localPathsOnlyUnderTheLocalRoot() {
        assertThatThrownBy(() -> closed.check("idr", CONFIGURED, "/etc/passwd"))
                .isInstanceOf(InvalidLocationException.class).hasMessageContaining("local-root is not set");
        HarvestLocationPolicy rooted = new HarvestLocationPolicy(new AddressGuard(false, false),
                Optional.of(Path.of("/srv/harvest")), Map.of(), false);
        assertThatCode(() -> rooted.check("idr", CONFIGURED, "/srv/harvest/idr-metadata")).doesNotThrowAnyException();
        assertThatCode(() -> rooted.check("idr", CONFIGURED, "file:///srv/harvest/idr/")).doesNotThrowAnyException();
        for (String outside : List.of("/srv/harvest/../../etc/shadow", "/etc/passwd", "file:///etc/passwd",
                "/srv/harvester-other")) {
            assertThatThrownBy(() -> rooted.check("idr", CONFIGURED, outside)).as(outside)
                    .isInstanceOf(InvalidLocationException.class);
        }
        // other schemes are the connectors' to refuse (HarvestApiTest: "unsupported location scheme 'ftp'")
        assertThatCode(() -> rooted.check("idr", CONFIGURED, "ftp://93.184.216.34/x")).doesNotThrowAnyException();
    }
}
