package vn.childprotection.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reports sent over HTTP as the hotline's intake officer, round robin over the given nodes. A {@code 503} is tried
 * again after its {@code Retry-After} (as a client should); a request that gets no answer at all (the node is dead)
 * is not retried: it was not accepted. Every answer's status is counted.
 */
final class Load {

    static final String[] COMMUNES = {"00004", "00070"};
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thu", "Quang", "Kim"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam",
            "Oanh", "Phúc", "Quân", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Linh"};
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final List<Node> nodes;
    private final AtomicInteger next = new AtomicInteger();

    Load(List<Node> nodes) {
        this.nodes = nodes;
    }

    /** What a load did: every answer's status (-1: no answer), the case numbers of accepted reports. */
    record Result(int sent, Map<Integer, Integer> statuses, Set<String> accepted) {

        String line(Database db) throws Exception {
            long found = accepted.isEmpty() ? 0
                    : db.count("select count(*) from case_file where case_number = any(?)", accepted);
            return "sent " + sent + ", answers " + statuses + ", accepted " + accepted.size() + ", found after " + found;
        }
    }

    /** A load running in the background until {@link #stop}. */
    final class Running {
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final ExecutorService pool;
        private final List<Future<?>> workers = new ArrayList<>();
        private final Tally tally = new Tally();

        Running(int threads) {
            pool = Executors.newFixedThreadPool(threads);
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    while (!stopping.get()) {
                        send(now(), tally);
                    }
                    return null;
                }));
            }
        }

        Result stop() throws Exception {
            stopping.set(true);
            for (Future<?> worker : workers) {
                worker.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
            return tally.result();
        }
    }

    Running start(int threads) {
        return new Running(threads);
    }

    /** {@code count} reports received at {@code receivedAt}, on {@code threads} threads. */
    Result reports(int count, int threads, OffsetDateTime receivedAt) throws Exception {
        return run(threads, i -> i < count, receivedAt);
    }

    /** Reports for as long as {@code duration}. */
    Result reportsFor(Duration duration, int threads) throws Exception {
        Instant until = Instant.now().plus(duration);
        return run(threads, i -> Instant.now().isBefore(until), null);
    }

    private Result run(int threads, IntFunction<Boolean> more, OffsetDateTime receivedAt) throws Exception {
        Tally tally = new Tally();
        AtomicInteger index = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (more.apply(index.getAndIncrement())) {
                    send(receivedAt == null ? now() : receivedAt, tally);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();
        return tally.result();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
    }

    private static final class Tally {
        final AtomicInteger sent = new AtomicInteger();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final Set<String> accepted = ConcurrentHashMap.newKeySet();

        void answer(int status) {
            statuses.merge(status, 1, Integer::sum);
        }

        Result result() {
            return new Result(sent.get(), new TreeMap<>(statuses), accepted);
        }
    }

    /** One report to the next node; tried again on 503 for up to a minute. */
    private void send(OffsetDateTime receivedAt, Tally tally) throws InterruptedException {
        Node node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
        String body = report(receivedAt);
        tally.sent.incrementAndGet();
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(1));
        while (true) {
            HttpResponse<String> response;
            try {
                response = HTTP.send(HttpRequest.newBuilder(URI.create(node.url("/api/reports")))
                        .timeout(Duration.ofSeconds(15))
                        .header("Authorization", basic("intake", "demo"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException noAnswer) {
                tally.answer(-1);
                return;
            }
            tally.answer(response.statusCode());
            if (response.statusCode() == 201) {
                try {
                    JsonNode receipt = JSON.readTree(response.body());
                    tally.accepted.add(receipt.get("caseNumber").asText());
                } catch (IOException e) {
                    throw new IllegalStateException("a 201 without a receipt: " + response.body(), e);
                }
                return;
            }
            if (response.statusCode() != 503 || Instant.now().isAfter(giveUp)) {
                return;
            }
            long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(Math.max(1, wait)).toMillis());
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A report of a child no other report of the run names, so each opens a case of its own. */
    static String report(OffsetDateTime receivedAt) {
        int n = SERIAL.getAndIncrement();
        ObjectNode report = JSON.createObjectNode();
        report.put("channel", "HOTLINE_111");
        report.put("receivedAt", receivedAt.toString());
        report.put("communeCode", COMMUNES[n % COMMUNES.length]);
        ObjectNode child = report.putObject("child");
        child.put("fullName", FAMILY[n % 10] + " " + MIDDLE[(n / 10) % 10] + " " + GIVEN[(n / 100) % 20] + " "
                + GIVEN[(n / 2000) % 20]);
        child.put("sex", n % 2 == 0 ? "FEMALE" : "MALE");
        child.put("ageYears", 1 + n % 17);
        report.putArray("harmTypes").add("PHYSICAL_VIOLENCE");
        report.put("setting", "FAMILY");
        report.put("description", "Hàng xóm nghe tiếng trẻ bị đánh nhiều lần trong tuần.");
        report.put("immediateDanger", false);
        report.putObject("reporter").put("anonymous", true);
        return report.toString();
    }
}
