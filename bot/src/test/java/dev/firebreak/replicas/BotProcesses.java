package dev.firebreak.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;

/**
 * Firebreak as its users run it: {@code java -jar firebreak-bot-*.jar}, one OS process per replica, each with its
 * own port and stdout file. The jar is the one {@code mvn verify} just packaged (failsafe passes its path in
 * {@code firebreak.bot.jar}; run from an IDE it is looked up in {@code target/}). Every process started here is
 * killed when the test closes this, and by a JVM shutdown hook if the test JVM itself is stopped, so a failing or
 * interrupted run leaves no bot behind.
 */
final class BotProcesses implements AutoCloseable {

    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One running bot. */
    record Bot(int index, int port, Process process, Path log) {

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        /** SIGKILL: no shutdown hook, no graceful anything. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        /** SIGTERM: the JVM runs its shutdown hooks (Spring's graceful shutdown). */
        void terminate() {
            process.destroy();
        }

        List<String> logLines() throws IOException {
            return Files.readAllLines(log);
        }
    }

    private final List<Process> started = new CopyOnWriteArrayList<>();
    private final Thread reaper = new Thread(this::killAll, "bot-processes-reaper");
    private final Path jar;
    private final Path logs;

    BotProcesses(Path logs) throws IOException {
        this.jar = packagedJar();
        this.logs = Files.createDirectories(logs);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** Starts {@code java -jar} with these {@code --name=value} arguments on a free port. */
    Bot start(int index, Map<String, String> properties) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-jar",
                jar.toString(),
                "--server.port=" + port));
        properties.forEach((k, v) -> command.add("--" + k + "=" + v));
        Path log = logs.resolve("replica-" + index + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        return new Bot(index, port, process, log);
    }

    static void awaitReady(Bot bot) {
        Awaitility.await()
                .atMost(Duration.ofMinutes(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    assertThat(bot.process().isAlive())
                            .as("replica %d is running, see %s", bot.index(), bot.log())
                            .isTrue();
                    try {
                        return HTTP.send(
                                                HttpRequest.newBuilder(
                                                                URI.create(bot.url("/actuator/health/readiness")))
                                                        .timeout(Duration.ofSeconds(5))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    @Override
    public void close() {
        killAll();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    private void killAll() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : started) {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The Spring Boot jar {@code mvn package} built (not the {@code .jar.original} next to it). */
    static Path packagedJar() throws IOException {
        String given = System.getProperty("firebreak.bot.jar");
        if (given != null && Files.isRegularFile(Path.of(given))) {
            return Path.of(given);
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "firebreak-bot-*.jar")) {
            for (Path candidate : jars) {
                return candidate;
            }
        }
        throw new IllegalStateException("No packaged bot jar (firebreak.bot.jar=" + given
                + "): run it with `mvn verify`, which packages the jar before the integration tests");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
