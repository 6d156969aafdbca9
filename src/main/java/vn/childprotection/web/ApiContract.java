package vn.childprotection.web;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * The API's contract as springdoc serves it at /v3/api-docs (and the build writes to docs/openapi.json): who we are,
 * how callers sign in, the problem details every error is, the tags; {@link ApiOperations} adds what each operation
 * really answers. Only version 1 is described: the unversioned paths are the same operations, deprecated.
 */
@Configuration
class ApiContract {

    static final String BASIC = "basic";
    static final String SESSION = "session";
    static final String CLIENT_KEY = "clientKey";

    static final Map<String, String> TAGS = Map.of(
            "Reports", "Reports of children in danger (Mẫu 01), from people and from client systems",
            "Cases", "The case register, case files, their timelines, notes, attachments, plans and prints",
            "Tasks", "Each person's task inbox: claiming and completing the steps of the process",
            "Police", "Referrals to the police and the outcome of their investigations",
            "Oversight", "Overdue work, deadlines in force and the periodic report",
            "Notifications", "Each person's notifications",
            "Directory", "Communes, provinces and service providers",
            "Me", "The signed-in person",
            "Administration", "Staff, the working-day calendar, administrative units and the audit chain",
            "Client systems", "Other systems that file reports with a key of their own");

    @Bean
    OpenAPI contract() {
        return new OpenAPI()
                .info(new Info()
                        .title("Bảo vệ trẻ em: quản lý ca (Child protection case management) API")
                        .version("1")
                        .description("""
                                Reports of children in danger, the cases they open and the work of the commune's staff \
                                under Decree 56/2017. JSON in and out (UTF-8), times ISO-8601 with an offset, the \
                                business time zone Asia/Ho_Chi_Minh. Every error is an RFC 9457 problem \
                                (`application/problem+json`), in the caller's language (`Accept-Language`: vi or en). \
                                People sign in with HTTP Basic (or the pages' session); client systems with their \
                                key as a bearer token. Outside a caller's jurisdiction a case does not exist (404). \
                                This is version 1, under `/api/v1/`; the unversioned `/api/` paths answer the same, \
                                marked `Deprecation`.""")
                        .contact(new Contact().name("Child protection case management team")))
                .servers(List.of(new Server().url("/").description("This server")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A member of staff: username and password (no CSRF token needed)"))
                        .addSecuritySchemes(SESSION, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                                .description("The pages' signed-in session (changes need the CSRF token)"))
                        .addSecuritySchemes(CLIENT_KEY, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("cpk_<id>_<secret>")
                                .description("A client system's key, given once when an administrator registered it")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(SESSION))
                .tags(TAGS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                        .map(e -> new Tag().name(e.getKey()).description(e.getValue())).toList());
    }

    @Bean
    OpenApiCustomizer operations() {
        return new ApiOperations();
    }

    /** RFC 9457 problem details, as every error is answered (ApiOperations adds it: springdoc keeps only its own). */
    @SuppressWarnings("rawtypes")
    static Schema problem() {
        Schema<?> error = new ObjectSchema().description("One field at fault")
                .addProperty("field", new StringSchema().description("The field's path in the body, e.g. `child.birthDate`, or a header's or parameter's name"))
                .addProperty("message", new StringSchema().description("What is wrong with it, in the caller's language"));
        return new ObjectSchema().description("An error, as RFC 9457 problem details")
                .addProperty("type", new StringSchema().description("A URI naming the kind of problem; `about:blank` when the status says it all"))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("The HTTP status code"))
                .addProperty("detail", new StringSchema().description("What went wrong this time, in the caller's language"))
                .addProperty("instance", new StringSchema().description("The path of the request"))
                .addProperty("errors", new ArraySchema().items(error).description("For bad input: each field at fault"));
    }
}
