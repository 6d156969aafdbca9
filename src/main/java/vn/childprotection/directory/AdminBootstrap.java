package vn.childprotection.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PostConstruct;

/**
 * A fresh production database has no users: when CHILD_PROTECTION_BOOTSTRAP_ADMIN_PASSWORD is set and
 * no administrator exists, creates the user {@code admin} with that password. Does nothing otherwise.
 */
@Component
@DependsOn("startupLock") // nodes started together: one creates the administrator, the others find it
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final int MIN_PASSWORD_LENGTH = 12;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate tx;
    private final String password;

    public AdminBootstrap(JdbcClient jdbc, PasswordEncoder passwordEncoder, TransactionTemplate tx,
                          @Value("${child-protection.bootstrap-admin-password:}") String password) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.tx = tx;
        this.password = password;
    }

    @PostConstruct
    void createFirstAdministrator() {
        if (password.isBlank()) {
            return;
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("The bootstrap administrator password needs at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        tx.executeWithoutResult(status -> {
            long admins = jdbc.sql("select count(*) from staff_role where role = 'ADMIN'").query(Long.class).single();
            long taken = jdbc.sql("select count(*) from staff_user where username = 'admin'").query(Long.class).single();
            if (admins > 0 || taken > 0) {
                return;
            }
            jdbc.sql("insert into staff_user (username, display_name, password_hash, enabled, demo) values ('admin', ?, ?, true, false)")
                    .params("Quản trị hệ thống", passwordEncoder.encode(password)).update();
            jdbc.sql("insert into staff_role (username, role) values ('admin', 'ADMIN')").update();
            log.info("Created the first administrator 'admin' from the bootstrap password");
        });
    }
}
