package vn.childprotection.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a monitoring system reads of a node, with the scrape token the suite starts the nodes with. */
final class Operator {

    static final String TOKEN = "cluster-suite-scrape-token";

    private Operator() {
    }

    static String get(Node node, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node.url(path)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError(node.id + path + ": " + r.statusCode());
        }
        return r.body();
    }

    /** The engine jobs the node executed since it started ({@code childprotection_engine_job_successful_total}). */
    static long jobsExecuted(Node node) throws Exception {
        Matcher m = Pattern.compile("(?m)^childprotection_engine_job_successful_total\\{[^}]*} ([0-9.E]+)$")
                .matcher(get(node, "/actuator/prometheus"));
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }
}
