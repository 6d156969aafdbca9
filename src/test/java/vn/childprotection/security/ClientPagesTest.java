package vn.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

import vn.childprotection.ApiTestBase;

/** An administrator registers the hotline's software on a page, copies its key once, and revokes it. */
class ClientPagesTest extends ApiTestBase {

    private ResponseEntity<String> form(String path, LinkedMultiValueMap<String, String> fields) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", PASSWORD);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        return http.withRedirects(ClientHttpRequestFactorySettings.Redirects.DONT_FOLLOW)
                .exchange(path, HttpMethod.POST, new HttpEntity<>(fields, headers), String.class);
    }

    private Document page() {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("admin", PASSWORD);
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        var reply = http.exchange("/admin/clients", HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(reply.getStatusCode().value()).isEqualTo(200);
        return Jsoup.parse(reply.getBody());
    }

    @Test
    void theKeyIsShownOnceOnTheAnswerAndTheSystemCanBeRevoked() {
        String name = "tongdai-" + UUID.randomUUID().toString().substring(0, 8);
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("name", name);
        fields.add("displayName", "Tổng đài 111");
        fields.add("units", COMMUNE_A + ", 15");
        fields.add("scopes", "reports:write");
        fields.add("requestsPerMinute", "120");

        ResponseEntity<String> answer = form("/admin/clients", fields);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getCacheControl()).contains("no-store");
        String key = Jsoup.parse(answer.getBody()).getElementById("key").text();
        assertThat(key).startsWith("cpk_");
        HttpHeaders bearer = new HttpHeaders();
        bearer.setContentType(MediaType.APPLICATION_JSON);
        bearer.setBearerAuth(key);
        assertThat(exchange(HttpMethod.POST, "/api/reports", new HttpEntity<>(json.valueToTree(report(COMMUNE_A))
                .toString(), bearer)).status()).as("the key works").isEqualTo(201);

        Document listed = page();
        assertThat(listed.getElementById("newkey")).as("the key is not shown again").isNull();
        assertThat(listed.html()).doesNotContain(key);
        var row = listed.selectFirst("tr[data-client=" + name + "]");
        assertThat(row.text()).contains("Tổng đài 111", COMMUNE_A + ", 15", "reports:write", "120");

        ResponseEntity<String> revoked = form(row.selectFirst("form").attr("action"), new LinkedMultiValueMap<>());
        assertThat(revoked.getStatusCode().value()).isEqualTo(302);
        assertThat(page().selectFirst("tr[data-client=" + name + "]").select("form")).as("no second revoke").isEmpty();
        assertThat(exchange(HttpMethod.POST, "/api/reports", new HttpEntity<>(json.valueToTree(report(COMMUNE_A))
                .toString(), bearer)).status()).as("refused once revoked").isEqualTo(401);
    }

    @Test
    void aWrongFormIsAnsweredWithEachFieldAtFaultAndNothingStored() {
        LinkedMultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("name", "Tổng đài");
        fields.add("displayName", "");
        fields.add("units", "99999");
        fields.add("requestsPerMinute", "nhiều");

        ResponseEntity<String> answer = form("/admin/clients", fields);

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Document html = Jsoup.parse(answer.getBody());
        assertThat(html.getElementById("err-rate")).isNotNull();
        assertThat(html.selectFirst("#clientform [name=requestsPerMinute]").attr("aria-invalid")).isEqualTo("true");
        assertThat(html.getElementById("newkey")).isNull();

        fields.set("requestsPerMinute", "60");
        html = Jsoup.parse(form("/admin/clients", fields).getBody());
        assertThat(html.getElementById("err-name")).isNotNull();
        assertThat(html.getElementById("err-displayName")).isNotNull();
        assertThat(html.getElementById("err-units").text()).contains("99999");
        assertThat(html.getElementById("err-scopes")).isNotNull();
        assertThat(html.selectFirst("#clientform [name=name]").attr("value")).as("what was typed stays").isEqualTo("Tổng đài");
        assertThat(jdbc.sql("select count(*) from client_system where name = ?").param("Tổng đài").query(Long.class)
                .single()).isZero();
    }
}
