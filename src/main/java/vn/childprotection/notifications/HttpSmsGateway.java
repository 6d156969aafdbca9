package vn.childprotection.notifications;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Text messages through an HTTP SMS gateway, as most Vietnamese providers offer one: a POST to {@code url} with
 * a form body from {@code body} ({@code {to}} and {@code {text}} replaced, each URL-encoded, in both), Basic
 * credentials when a username is set. The gateway took the message when it answers 2xx and, where
 * {@code success-pattern} is set, its answer contains a match (providers that answer 200 with an error code).
 * Off unless {@code child-protection.notifications.sms.url} is set.
 */
@Component
@ConditionalOnExpression("!'${child-protection.notifications.sms.url:}'.isBlank()")
class HttpSmsGateway implements SmsGateway {

    private final RestClient http;
    private final String url;
    private final String body;
    private final Pattern success;

    HttpSmsGateway(@Value("${child-protection.notifications.sms.url}") String url,
                   @Value("${child-protection.notifications.sms.body:to={to}&text={text}}") String body,
                   @Value("${child-protection.notifications.sms.username:}") String username,
                   @Value("${child-protection.notifications.sms.password:}") String password,
                   @Value("${child-protection.notifications.sms.success-pattern:}") String successPattern,
                   @Value("${child-protection.notifications.sms.timeout:PT10S}") Duration timeout) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(timeout);
        requests.setReadTimeout(timeout);
        RestClient.Builder builder = RestClient.builder().requestFactory(requests);
        if (!username.isBlank()) {
            builder.defaultHeaders(h -> h.setBasicAuth(username, password, StandardCharsets.UTF_8));
        }
        this.http = builder.build();
        this.url = url;
        this.body = body;
        this.success = successPattern.isBlank() ? null : Pattern.compile(successPattern);
    }

    @Override
    public void send(String phone, String text) {
        String answer = http.post()
                .uri(java.net.URI.create(fill(url, phone, text)))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header(HttpHeaders.ACCEPT, "*/*")
                .body(fill(body, phone, text))
                .retrieve()
                .body(String.class);
        if (success != null && (answer == null || !success.matcher(answer).find())) {
            throw new IllegalStateException("SMS gateway refused the message: "
                    + (answer == null ? "no answer" : answer.length() > 200 ? answer.substring(0, 200) : answer));
        }
    }

    private static String fill(String template, String phone, String text) {
        return template.replace("{to}", URLEncoder.encode(phone, StandardCharsets.UTF_8))
                .replace("{text}", URLEncoder.encode(text, StandardCharsets.UTF_8));
    }
}
