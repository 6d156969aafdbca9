package vn.childprotection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** An API test whose every answer must also be one the API's contract lists, with the body its schema describes. */
public abstract class ContractedApiTest extends ApiTestBase {

    private final List<String> broken = new ArrayList<>();

    @Override
    protected void answered(HttpMethod method, String path, ResponseEntity<String> response) {
        broken.addAll(Contract.served(http).problems(method, path, response));
    }

    @AfterEach
    void everyAnswerAsTheContractSays() {
        assertThat(broken).as("answers against the API's contract (docs/openapi.json)").isEmpty();
    }
}
