package vn.childprotection.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A load balancer's view of a node: its readiness asked five times a second, each answer counted. */
final class Readiness {

    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Map<Integer, Integer> answers = new ConcurrentHashMap<>();
    private final Thread thread;

    private Readiness(Node node) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        thread = new Thread(() -> {
            while (!stopping.get()) {
                int status;
                try {
                    status = http.send(HttpRequest.newBuilder(URI.create(node.url("/actuator/health/readiness")))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (IOException e) {
                    status = -1;
                } catch (InterruptedException e) {
                    return;
                }
                answers.merge(status, 1, Integer::sum);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "readiness-" + node.id);
        thread.start();
    }

    static Readiness watch(Node node) {
        return new Readiness(node);
    }

    Map<Integer, Integer> stop() throws InterruptedException {
        stopping.set(true);
        thread.join(5_000);
        return new TreeMap<>(answers);
    }
}
