package org.bioimagecatalog.harvester.kaggle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * A Kaggle API token, found as the official client ({@code kaggle}) finds it: the environment variables
 * {@code KAGGLE_USERNAME} and {@code KAGGLE_KEY}, else {@code kaggle.json} ({@code {"username": …, "key": …}}) in
 * {@code KAGGLE_CONFIG_DIR}, else in {@code ~/.kaggle}. The key is sent only as HTTP Basic authentication.
 */
public record KaggleCredentials(String username, String key) {

    @Override
    public String toString() {
        return "KaggleCredentials[username=" + username + ", key=…]"; // never the key in a log line
    }

    String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The operator's token, if one is configured. */
    public static Optional<KaggleCredentials> find() {
        return find(System.getenv(), Path.of(System.getProperty("user.home", "/")));
    }

    static Optional<KaggleCredentials> find(Map<String, String> env, Path home) {
        String user = env.get("KAGGLE_USERNAME");
        String key = env.get("KAGGLE_KEY");
        if (user != null && !user.isBlank() && key != null && !key.isBlank()) {
            return Optional.of(new KaggleCredentials(user.strip(), key.strip()));
        }
        String dir = env.get("KAGGLE_CONFIG_DIR");
        Path file = (dir != null && !dir.isBlank() ? Path.of(dir) : home.resolve(".kaggle")).resolve("kaggle.json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = new ObjectMapper().readTree(Files.readAllBytes(file));
            String u = json.path("username").asText("");
            String k = json.path("key").asText("");
            return u.isBlank() || k.isBlank() ? Optional.empty() : Optional.of(new KaggleCredentials(u.strip(), k.strip()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
