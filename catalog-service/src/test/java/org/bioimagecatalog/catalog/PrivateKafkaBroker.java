package org.bioimagecatalog.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.awaitility.Awaitility;
import org.bioimagecatalog.testsupport.LocalStack;

/**
 * A Kafka broker of this test JVM alone, so that a test can take Kafka away from the service without touching
 * the shared stack: the same Kafka distribution and server.properties template as {@code bin/stack} (KRaft,
 * broker and controller in one process), on free ports, with its data under {@code target/}. Stopping and
 * starting it again keeps its data, like a real outage.
 *
 * <p>The Kafka jars are those {@code bin/stack} downloaded into {@code .stack/dist/kafka/lib} of the checkout
 * (of the main checkout, in a git worktree), or the directory in the environment variable {@code BIC_KAFKA_LIB}.
 */
final class PrivateKafkaBroker {
    private final Path lib;
    private final Path dir;
    private final int brokerPort;
    private final int controllerPort;
    private Process process;

    private PrivateKafkaBroker(Path lib, Path dir, int brokerPort, int controllerPort) {
        this.lib = lib;
        this.dir = dir;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
    }

    /** Where the Kafka jars are, or a sentence saying how to provide them. */
    static Path kafkaLib() {
        String fromEnv = System.getenv("BIC_KAFKA_LIB");
        Path lib = fromEnv != null && !fromEnv.isBlank() ? Path.of(fromEnv)
                : LocalStack.repoDir().resolve(".stack/dist/kafka/lib");
        if (!Files.isDirectory(lib) && (fromEnv == null || fromEnv.isBlank())) {
            lib = mainCheckout().map(main -> main.resolve(".stack/dist/kafka/lib")).orElse(lib);
        }
        if (!Files.isDirectory(lib) || !Files.exists(lib.resolve("kafka-clients-4.1.1.jar"))) {
            throw new IllegalStateException("no Kafka 4.1.1 jars in " + lib + ": run bin/stack start in this checkout "
                    + "(it downloads them) or set BIC_KAFKA_LIB to another checkout's .stack/dist/kafka/lib");
        }
        return lib;
    }

    /**
     * In a git worktree ({@code .git} is a file naming {@code <main>/.git/worktrees/<name>}), the main checkout,
     * whose {@code bin/stack} runs the shared stack and holds the downloads.
     */
    private static Optional<Path> mainCheckout() {
        Path dotGit = LocalStack.repoDir().resolve(".git");
        try {
            if (!Files.isRegularFile(dotGit)) {
                return Optional.empty();
            }
            String line = Files.readString(dotGit).strip();
            if (!line.startsWith("gitdir:")) {
                return Optional.empty();
            }
            Path gitDir = Path.of(line.substring("gitdir:".length()).strip()); // <main>/.git/worktrees/<name>
            return gitDir.getNameCount() < 3 ? Optional.empty()
                    : Optional.of(gitDir.getParent().getParent().getParent());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Formats a new KRaft storage on two free ports and starts the broker; returns once it answers. */
    static PrivateKafkaBroker startNew(List<String> topics) {
        try {
            Path dir = Path.of("target", "private-kafka-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"))).toAbsolutePath();
            Files.createDirectories(dir.resolve("data"));
            PrivateKafkaBroker broker = new PrivateKafkaBroker(kafkaLib(), dir, freePort(), freePort());
            broker.configure();
            broker.start();
            broker.createTopics(topics);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrap() {
        return "127.0.0.1:" + brokerPort;
    }

    private void configure() throws IOException {
        String template = Files.readString(LocalStack.repoDir().resolve("stack/kafka/server.properties"));
        Files.writeString(dir.resolve("server.properties"), template
                .replace("@BROKER_PORT@", Integer.toString(brokerPort))
                .replace("@CONTROLLER_PORT@", Integer.toString(controllerPort))
                .replace("@DATA_DIR@", dir.resolve("data").toString()));
        Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", dir.resolve("server.properties").toString()).start();
        if (!waitFor(format, Duration.ofMinutes(2)) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting the private Kafka storage failed; see " + dir.resolve("kafka.log"));
        }
    }

    /** Starts the broker process (again) on the same ports and data, and waits until it answers. */
    synchronized void start() {
        try {
            process = java("kafka.Kafka", dir.resolve("server.properties").toString()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Awaitility.await("private Kafka on " + bootstrap()).atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500)).until(this::answers);
    }

    /** Stops the broker process and waits until it is gone; its port refuses connections afterwards. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!waitFor(process, Duration.ofSeconds(60))) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(30));
        }
        process = null;
    }

    private boolean answers() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the private Kafka broker exited; see " + dir.resolve("kafka.log"));
        }
        try (Admin admin = Admin.create(adminProperties())) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void createTopics(List<String> topics) {
        try (Admin admin = Admin.create(adminProperties())) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1)
                            .configs(topic.endsWith("datasets.v1") ? Map.of("cleanup.policy", "compact") : Map.of())))
                            .all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create " + topic + " on the private Kafka", e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the private Kafka did not create the topics in time", e);
        }
    }

    private Properties adminProperties() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        return props;
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx384m", "-Djava.awt.headless=true", "-cp", lib.resolve("*").toString(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile()));
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
