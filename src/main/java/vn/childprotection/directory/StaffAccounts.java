package vn.childprotection.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of the staff directory: accounts, their details and roles, their password and whether they can
 * sign in. Runs in the caller's transaction; who may do what, and the audit, are the caller's.
 */
@Service
public class StaffAccounts {

    /** What an administrator sees of a person: never the password, only whether it must be changed. */
    public record Account(String username, String displayName, String title, String email, String phone,
                          String language, boolean enabled, boolean mustChangePassword, boolean demo,
                          List<RoleGrant> grants) {
    }

    /** A person's details as an administrator enters them. */
    public record Details(String displayName, String title, String email, String phone, String language) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final Clock clock;

    StaffAccounts(JdbcClient jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from staff_user where username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    public Optional<Account> account(String username) {
        return directory.user(username).map(this::account);
    }

    /**
     * People holding a role in one of the units (communes or provinces; null: everyone), whose name or login
     * contains {@code q}, by name; at most {@code limit}.
     */
    public List<Account> accounts(List<String> units, String q, int limit) {
        String like = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var sql = new StringBuilder("select u.username from staff_user u where 1 = 1");
        if (units != null) {
            sql.append(" and exists (select 1 from staff_role r left join commune c on c.code = r.commune_code"
                    + " where r.username = u.username and (r.commune_code in (:units) or r.province_code in (:units)"
                    + " or c.province_code in (:units)))");
        }
        if (like != null) {
            sql.append(" and (lower(u.username) like :like escape '\\' or lower(u.display_name) like :like escape '\\')");
        }
        sql.append(" order by u.display_name, u.username limit :limit");
        var spec = jdbc.sql(sql.toString()).param("limit", limit);
        if (units != null) {
            spec = spec.param("units", units.isEmpty() ? List.of("") : units);
        }
        if (like != null) {
            spec = spec.param("like", like);
        }
        return spec.query(String.class).list().stream().map(this::account).flatMap(Optional::stream).toList();
    }

    /**
     * The administrators who can sign in, their rows locked until the transaction ends: two administrators taking
     * each other's role away at once cannot both succeed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> enabledAdministrators() {
        return jdbc.sql("""
                        select u.username from staff_user u where u.enabled
                          and exists (select 1 from staff_role r where r.username = u.username and r.role = 'ADMIN')
                        order by u.username for update""")
                .query(String.class).list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void create(String username, Details details, String passwordHash, List<RoleGrant> grants) {
        jdbc.sql("""
                        insert into staff_user (username, display_name, title, email, phone, language, password_hash,
                            enabled, demo, must_change_password, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, true, false, true, ?)""")
                .params(username, details.displayName(), details.title(), details.email(), details.phone(),
                        details.language(), passwordHash, Timestamp.from(clock.instant()))
                .update();
        grant(username, grants);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void update(String username, Details details, List<RoleGrant> grants) {
        jdbc.sql("update staff_user set display_name = ?, title = ?, email = ?, phone = ?, language = ? where username = ?")
                .params(details.displayName(), details.title(), details.email(), details.phone(), details.language(),
                        username)
                .update();
        jdbc.sql("delete from staff_role where username = ?").param(username).update();
        grant(username, grants);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("update staff_user set enabled = ?, disabled_at = ? where username = ?")
                .params(enabled, enabled ? null : Timestamp.from(clock.instant()), username).update();
    }

    /** A new password; {@code oneTime}: given by an administrator, to be changed at the next sign-in. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void setPassword(String username, String passwordHash, boolean oneTime) {
        jdbc.sql("update staff_user set password_hash = ?, must_change_password = ? where username = ?")
                .params(passwordHash, oneTime, username).update();
    }

    private void grant(String username, List<RoleGrant> grants) {
        for (RoleGrant g : grants) {
            jdbc.sql("insert into staff_role (username, role, commune_code, province_code) values (?, ?, ?, ?)")
                    .params(username, g.role().name(), g.communeCode(), g.provinceCode()).update();
        }
    }

    private Account account(StaffUser user) {
        return jdbc.sql("select title, email, phone, language from staff_user where username = ?")
                .param(user.username())
                .query((rs, n) -> new Account(user.username(), user.displayName(), rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), user.enabled(), user.mustChangePassword(), user.demo(),
                        user.grants()))
                .single();
    }
}
