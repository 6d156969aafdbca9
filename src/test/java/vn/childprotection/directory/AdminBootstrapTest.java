package vn.childprotection.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.childprotection.ApiTestBase;

class AdminBootstrapTest extends ApiTestBase {

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TransactionTemplate tx;

    @Test
    void refusesAShortPassword() {
        AdminBootstrap bootstrap = new AdminBootstrap(jdbc, passwordEncoder, tx, "short");
        assertThatThrownBy(bootstrap::createFirstAdministrator).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void leavesAnExistingAdministratorAlone() {
        String before = jdbc.sql("select password_hash from staff_user where username = 'admin'").query(String.class).single();
        new AdminBootstrap(jdbc, passwordEncoder, tx, "a-new-long-password").createFirstAdministrator();
        assertThat(jdbc.sql("select password_hash from staff_user where username = 'admin'").query(String.class).single())
                .isEqualTo(before);
        assertThat(get("admin", "/api/me").status()).as("the demo password still works").isEqualTo(200);
    }
}
