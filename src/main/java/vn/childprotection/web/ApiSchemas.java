package vn.childprotection.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * What each property of the API's schemas means, from {@code openapi/schemas.yml} (schema, property, description).
 * An entry for a schema or property the API no longer has fails the document, so the table cannot go stale; a
 * property without an entry is what the contract's lint (Spectral, in CI) refuses.
 */
final class ApiSchemas {

    private ApiSchemas() {
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void describe(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        load().forEach((name, properties) -> {
            Schema<?> schema = schemas.get(name);
            if (schema == null) {
                throw new IllegalStateException("openapi/schemas.yml describes " + name + ", which the API does not have");
            }
            properties.forEach((property, description) -> {
                Schema<?> described = schema.getProperties() == null ? null : schema.getProperties().get(property);
                if (described == null) {
                    throw new IllegalStateException("openapi/schemas.yml describes " + name + "." + property
                            + ", which the API does not have");
                }
                described.setDescription(description);
            });
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> load() {
        try (InputStream in = new ClassPathResource("openapi/schemas.yml").getInputStream()) {
            Map<String, Map<String, String>> table = new Yaml().load(in);
            return table == null ? Map.of() : table;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
