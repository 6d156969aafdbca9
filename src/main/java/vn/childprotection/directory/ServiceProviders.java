package vn.childprotection.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The services a commune can call on to carry out a plan (step 9): health stations, schools, legal aid, the police,
 * shelters. A provider serves one commune, or, without a commune, every commune of its province.
 */
@Service
public class ServiceProviders {

    /** The kinds of service a plan item asks for. */
    public enum ServiceKind {
        HEALTH, EDUCATION, LEGAL_AID, PSYCHOSOCIAL, POLICE, FAMILY, SHELTER, SOCIAL_ASSISTANCE, OTHER
    }

    public record Provider(UUID id, String name, ServiceKind service, String contact, String communeCode,
                           String provinceCode) {
    }

    private final JdbcClient jdbc;

    ServiceProviders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The providers serving a commune: its own and its province's, by service then name. */
    public List<Provider> serving(String communeCode) {
        return jdbc.sql("""
                        select p.id, p.name, p.service, p.contact, p.commune_code, p.province_code
                        from service_provider p join commune c on c.code = ?
                        where p.commune_code = c.code or (p.commune_code is null and p.province_code = c.province_code)
                        order by p.service, p.name""")
                .param(communeCode)
                .query((rs, n) -> new Provider(rs.getObject(1, UUID.class), rs.getString(2),
                        ServiceKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    /** The provider if it serves the commune. */
    public Optional<Provider> servingById(String communeCode, UUID id) {
        return serving(communeCode).stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** POST /api/directory/providers: without {@code communeCode} the provider serves the whole province. */
    public record NewProvider(
            @NotBlank(message = "{validation.required}") String provinceCode,
            String communeCode,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
            @NotNull(message = "{validation.required}") ServiceKind service,
            @Size(max = 300, message = "{validation.tooLong}") String contact) {
    }

    /** A provider added to the directory of a province, or of one of its communes; its id. */
    public UUID add(NewProvider provider) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into service_provider (id, province_code, commune_code, name, service, contact)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(id, provider.provinceCode(), blankToNull(provider.communeCode()), provider.name().strip(),
                        provider.service().name(), blankToNull(provider.contact()))
                .update();
        return id;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Adds a provider unless one of the same name is already there for the same commune or province. */
    void addIfMissing(String provinceCode, String communeCode, String name, ServiceKind service, String contact) {
        long present = jdbc.sql("""
                        select count(*) from service_provider where province_code = ? and name = ?
                        and coalesce(commune_code, '') = coalesce(?, '')""")
                .params(provinceCode, name, communeCode).query(Long.class).single();
        if (present == 0) {
            jdbc.sql("""
                            insert into service_provider (id, province_code, commune_code, name, service, contact)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), provinceCode, communeCode, name, service.name(), contact)
                    .update();
        }
    }
}
