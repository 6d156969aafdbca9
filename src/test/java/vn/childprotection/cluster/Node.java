package vn.childprotection.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One application node: the packaged jar started as its own process on a port of its own, one database for all. */
final class Node {

    final String id;
    final int port;
    private final Path jar;
    private final String databaseUrl;
    private final Path log;
    private final List<String> extraArguments;
    private Process process;

    Node(String id, int port, Path jar, String databaseUrl, Path logDirectory, List<String> extraArguments) {
        this.id = id;
        this.port = port;
        this.jar = jar;
        this.databaseUrl = databaseUrl;
        this.log = logDirectory.resolve(id + ".log");
        this.extraArguments = extraArguments;
    }

    Path jarPath() {
        return jar;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Starts the process; {@link #awaitReady} waits for it. */
    void start() throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-jar",
                jar.toString(), "--server.port=" + port, "--spring.profiles.active=demo,postgres"));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SPRING_DATASOURCE_URL", databaseUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", System.getProperty("cluster.db.user", "postgres"));
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", System.getProperty("cluster.db.password", ""));
        builder.environment().put("CHILD_PROTECTION_NODE_ID", id);
        Files.writeString(log, "\n===== starting " + id + " at " + Instant.now() + "\n",
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
    }

    /** Until {@code /actuator/health/readiness} answers UP; fails if the process ends first. */
    void awaitReady(Duration atMost) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(atMost);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(id + " ended while starting (exit " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(id + " not ready after " + atMost + "; see " + log);
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no commit, connections cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    void signal(String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true)
                .start();
        Ports.echo(kill);
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
        }
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static String javaBinary() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
