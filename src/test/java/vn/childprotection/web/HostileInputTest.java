package vn.childprotection.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.childprotection.ApiTestBase;

/**
 * What an attacker sends that a form never would: control characters, impossible dates, bodies streamed
 * past the limit, paths the firewall refuses, requests for the error page, and connections that send a
 * few bytes and wait. Every answer is a 4xx problem detail, nothing is stored, and the server keeps serving.
 */
class HostileInputTest extends ApiTestBase {

    @LocalServerPort
    int port;

    @Test
    void aNulCharacterInAnyTextIsRefusedWithItsFieldAndNothingIsStored() {
        long reports = count("report");
        Map<String, Object> report = report(COMMUNE_A);
        report.put("description", "Trẻ bị đánh\u0000 đêm qua");

        Reply refused = post("intake", "/api/reports", report);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.headers().getContentType().toString()).contains("application/problem+json");
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("description");
        assertThat(count("report")).isEqualTo(reports);

        String caseId = openCase(COMMUNE_A);
        Reply form = completeReply("worker.a", caseId, "INITIAL_ASSESSMENT", Map.of("dangerLevel", "LOW",
                "immediateDanger", false, "crimeSuspected", false, "summary", "Ổn\u0007 định"));
        assertThat(form.status()).isEqualTo(400);
        assertThat(form.body().get("errors").findValuesAsText("field")).containsExactly("summary");
        assertThat(get("worker.a", "/api/cases/" + caseId).body().get("initialAssessments")).isEmpty();
    }

    @Test
    void datesOutsideASaneRangeAreRefused() {
        long cases = count("case_file");
        for (String receivedAt : List.of("1900-01-01T08:00:00+07:00", "-999999999-01-01T00:00:00Z")) {
            Map<String, Object> report = report(COMMUNE_A);
            report.put("receivedAt", receivedAt);
            Reply refused = post("intake", "/api/reports", report);
            assertThat(refused.status()).as(receivedAt).isEqualTo(400);
            assertThat(refused.body().get("errors").findValuesAsText("field")).as(receivedAt).contains("receivedAt");
        }
        Map<String, Object> ancient = report(COMMUNE_A);
        ancient.put("child", Map.of("sex", "MALE", "birthDate", "-999999-01-01"));
        Reply refused = post("intake", "/api/reports", ancient);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").findValuesAsText("field")).containsExactly("child.birthDate");
        assertThat(count("case_file")).isEqualTo(cases);
    }

    @Test
    void aChunkedBodyPastTheLimitIs413AndNothingIsStored() throws IOException {
        long reports = count("report");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/reports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + basic("intake")
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] start = "{\"description\":\"".getBytes(StandardCharsets.US_ASCII);
            byte[] chunk = "x".repeat(60_000).getBytes(StandardCharsets.US_ASCII);
            try {
                out.write((Integer.toHexString(start.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(start);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 170; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException serverStoppedReading) {
                // the server answered before the 10 MB were sent
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).as(answer).startsWith("HTTP/1.1 413").contains("application/problem+json");
        }
        assertThat(count("report")).isEqualTo(reports);
    }

    @Test
    void firewallRefusalsAndTheErrorPageAnswerInProblemDetails() throws IOException {
        String refused = raw("GET /api/me;jsessionid=x HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                + basic("worker.a") + "\r\nConnection: close\r\n\r\n");
        assertThat(refused).startsWith("HTTP/1.1 400").contains("application/problem+json");

        String error = raw("GET /error HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(error).startsWith("HTTP/1.1 404").contains("application/problem+json");

        // a path Tomcat cannot decode is refused before the application sees it: its error valve answers
        String undecodable = raw("GET /api/%zz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(undecodable).startsWith("HTTP/1.1 400").contains("application/problem+json");
    }

    @Test
    void twoHundredFiftySlowSignInsDoNotStopTheServerAnswering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
                socket.getOutputStream().write(("POST /login HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000\r\n\r\nusern")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("UP");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static String basic(String user) {
        return Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
