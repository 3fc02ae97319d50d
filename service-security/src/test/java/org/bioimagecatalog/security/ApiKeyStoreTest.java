package org.bioimagecatalog.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeyStoreTest {
    @TempDir
    Path dir;

    @Test
    void hashIsLowerCaseHexSha256OfTheKey() {
        assertThat(ApiKeyHash.of("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void parserReadsRolesAndSkipsComments() throws MalformedKeysFileException {
        var entries = ApiKeyFileParser.parse(List.of(
                "# issued by bin/catalog key issue",
                "",
                ApiKeyHash.of("k1") + " admin operator 2026-11-25T19:00:00Z",
                ApiKeyHash.of("k2").toUpperCase() + "  curator   steward"), "test");

        assertThat(entries).hasSize(2);
        assertThat(entries.get(ApiKeyHash.of("k1")))
                .isEqualTo(new ApiKeyEntry(ApiKeyHash.of("k1"), ApiRole.ADMIN, "operator", "2026-11-25T19:00:00Z"));
        assertThat(entries.get(ApiKeyHash.of("k2")).role()).isEqualTo(ApiRole.CURATOR);
        assertThat(entries.get(ApiKeyHash.of("k2")).issuedAt()).isEmpty();
    }

    @Test
    void aMalformedLineMakesTheFileMalformedNamingTheLineButNotItsContent() {
        for (String bad : List.of("not-a-hash submitter someone 2026-11-25T19:00:00Z",
                ApiKeyHash.of("k3") + " superuser someone 2026-11-25T19:00:00Z", ApiKeyHash.of("k4") + " submitter")) {
            assertThatThrownBy(() -> ApiKeyFileParser.parse(List.of(ApiKeyHash.of("k1") + " admin operator", bad), "keys"))
                    .isInstanceOf(MalformedKeysFileException.class).hasMessageContaining("keys line 2")
                    .hasMessageNotContaining(bad.substring(0, 10));
        }
    }

    @Test
    void aMalformedFileFailsClosedAndAFixedOneIsReadAgain() throws Exception {
        Path file = dir.resolve("api-keys");
        Files.write(file, List.of(ApiKeyHash.of("k1") + " admin operator 2026-11-25T19:00:00Z"));
        ApiKeyStore store = new ApiKeyStore(file);
        assertThat(store.find("k1")).isPresent();

        // a half-edited file: the key that is still well-formed must not keep working either
        Files.write(file, List.of(ApiKeyHash.of("k1") + " admin operator 2026-11-25T19:00:00Z", "garbage"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(store.find("k1")).isEmpty();
        assertThat(store.size()).isZero();

        Files.write(file, List.of(ApiKeyHash.of("k1") + " admin operator 2026-11-25T19:00:00Z"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(store.find("k1")).isPresent();
    }

    @Test
    void anUnreadableFileFailsClosed() throws Exception {
        Path file = dir.resolve("api-keys");
        Files.write(file, List.of(ApiKeyHash.of("k1") + " admin operator 2026-11-25T19:00:00Z"));
        ApiKeyStore store = new ApiKeyStore(file);
        assertThat(store.find("k1")).isPresent();

        // a directory where the file was: it exists, has a time and a size, and cannot be read as lines
        Files.delete(file);
        Files.createDirectory(file);
        assertThat(store.find("k1")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void adminImpliesTheOtherRoles() {
        assertThat(ApiRole.ADMIN.grantedRoleNames()).containsExactlyInAnyOrder("admin", "curator", "submitter");
        assertThat(ApiRole.SUBMITTER.grantedRoleNames()).containsExactly("submitter");
        assertThat(ApiRole.parse("curator")).contains(ApiRole.CURATOR);
        assertThat(ApiRole.parse("root")).isEmpty();
    }

    @Test
    void missingFileMeansNoKeys() {
        ApiKeyStore store = new ApiKeyStore(dir.resolve("absent"));
        assertThat(store.find("k1")).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void storeReReadsTheFileWhenItChangesSoRevocationNeedsNoRestart() throws Exception {
        Path file = dir.resolve("api-keys");
        Files.write(file, List.of(ApiKeyHash.of("k1") + " admin operator 2026-11-25T19:00:00Z",
                ApiKeyHash.of("k2") + " submitter lab 2026-11-25T19:00:00Z"));
        ApiKeyStore store = new ApiKeyStore(file);
        assertThat(store.find("k2")).map(ApiKeyEntry::name).contains("lab");
        assertThat(store.find(" k1 ")).map(ApiKeyEntry::role).contains(ApiRole.ADMIN);
        assertThat(store.find("k3")).isEmpty();
        assertThat(store.find(null)).isEmpty();

        Files.write(file, List.of(ApiKeyHash.of("k1") + " admin operator 2026-11-25T19:00:00Z"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(store.find("k2")).isEmpty();
        assertThat(store.find("k1")).isPresent();

        Files.delete(file);
        assertThat(store.find("k1")).isEmpty();
    }
}
