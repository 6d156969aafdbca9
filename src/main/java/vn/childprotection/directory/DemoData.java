package vn.childprotection.directory;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PostConstruct;

/**
 * The demo units and users of API.md, loaded by the {@code demo} profile only; idempotent, so a
 * restart against a kept database changes nothing. Unit codes are illustrative, names are real places.
 */
@Component
@Profile("demo")
// the production guard refuses demo + prod before any demo user is written
@DependsOn({"productionGuard", "startupLock"})
class DemoData {

    public static final String PASSWORD = "demo";
    public static final String PROVINCE_P = "01";
    public static final String PROVINCE_Q = "15";
    public static final String COMMUNE_A = "00004";
    public static final String COMMUNE_B = "00070";
    public static final String COMMUNE_C = "04405";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final TransactionTemplate tx;
    private final ServiceProviders providers;

    public DemoData(JdbcClient jdbc, PasswordEncoder passwordEncoder, TransactionTemplate tx, ServiceProviders providers) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.passwordEncoder = passwordEncoder;
        this.tx = tx;
    }

    @PostConstruct
    void load() {
        tx.executeWithoutResult(status -> {
            province(PROVINCE_P, "Thành phố Hà Nội");
            province(PROVINCE_Q, "Tỉnh Lào Cai");
            // as docs/units-sample.csv lists them
            commune(COMMUNE_A, "Phường Ba Đình", PROVINCE_P, "PHUONG");
            commune(COMMUNE_B, "Phường Hoàn Kiếm", PROVINCE_P, "PHUONG");
            commune(COMMUNE_C, "Xã Bắc Hà", PROVINCE_Q, "XA");
            String hash = passwordEncoder.encode(PASSWORD);
            user("intake", "Tổng đài viên 111", hash, List.of(new RoleGrant(Role.INTAKE, null, null)));
            user("worker.a", "Nguyễn Thị An", hash, List.of(new RoleGrant(Role.WORKER, COMMUNE_A, null)));
            user("chair.a", "Trần Văn Bình", hash, List.of(new RoleGrant(Role.CHAIR, COMMUNE_A, null)));
            user("police.a", "Lê Văn Cường", hash, List.of(new RoleGrant(Role.POLICE, COMMUNE_A, null)));
            user("worker.b", "Phạm Thị Dung", hash, List.of(new RoleGrant(Role.WORKER, COMMUNE_B, null)));
            user("worker.c", "Hoàng Văn Em", hash, List.of(new RoleGrant(Role.WORKER, COMMUNE_C, null)));
            user("supervisor.p", "Vũ Thị Giang", hash, List.of(new RoleGrant(Role.SUPERVISOR, null, PROVINCE_P)));
            user("police.supervisor.p", "Ngô Văn Khánh", hash,
                    List.of(new RoleGrant(Role.POLICE_SUPERVISOR, null, PROVINCE_P)));
            user("supervisor.q", "Đỗ Văn Hải", hash, List.of(new RoleGrant(Role.SUPERVISOR, null, PROVINCE_Q)));
            user("admin", "Quản trị hệ thống", hash, List.of(new RoleGrant(Role.ADMIN, null, null)));
            // the services the demo communes call on to carry out plans
            providers.addIfMissing(PROVINCE_P, COMMUNE_A, "Trạm y tế phường Ba Đình", ServiceProviders.ServiceKind.HEALTH,
                    "024 3823 0000, số 5 Đội Cấn");
            providers.addIfMissing(PROVINCE_P, COMMUNE_A, "Trường Tiểu học Ba Đình", ServiceProviders.ServiceKind.EDUCATION,
                    "Cô Lê Thị Hạnh, hiệu phó, 0912 000 111");
            providers.addIfMissing(PROVINCE_P, COMMUNE_B, "Trạm y tế phường Hoàn Kiếm", ServiceProviders.ServiceKind.HEALTH,
                    "024 3825 0000");
            providers.addIfMissing(PROVINCE_P, null, "Trung tâm Trợ giúp pháp lý nhà nước TP Hà Nội",
                    ServiceProviders.ServiceKind.LEGAL_AID, "024 3773 0000");
            providers.addIfMissing(PROVINCE_P, null, "Trung tâm Công tác xã hội TP Hà Nội",
                    ServiceProviders.ServiceKind.PSYCHOSOCIAL, "024 3736 0000");
            providers.addIfMissing(PROVINCE_P, null, "Làng trẻ em SOS Hà Nội", ServiceProviders.ServiceKind.SHELTER,
                    "024 3854 0000");
            providers.addIfMissing(PROVINCE_Q, COMMUNE_C, "Trạm y tế xã Bắc Hà", ServiceProviders.ServiceKind.HEALTH,
                    "0214 388 0000");
            providers.addIfMissing(PROVINCE_Q, null, "Trung tâm Trợ giúp pháp lý tỉnh Lào Cai",
                    ServiceProviders.ServiceKind.LEGAL_AID, "0214 382 0000");
        });
        log.info("Demo units and users are present (password '{}'); never use the demo profile in production",
                PASSWORD);
    }

    private void province(String code, String name) {
        if (jdbc.sql("select count(*) from province where code = ?").param(code).query(Long.class).single() == 0) {
            jdbc.sql("insert into province (code, name) values (?, ?)").params(code, name).update();
        }
    }

    private void commune(String code, String name, String provinceCode, String type) {
        if (jdbc.sql("select count(*) from commune where code = ?").param(code).query(Long.class).single() == 0) {
            jdbc.sql("insert into commune (code, name, province_code, unit_type) values (?, ?, ?, ?)")
                    .params(code, name, provinceCode, type).update();
        }
    }

    private void user(String username, String displayName, String hash, List<RoleGrant> grants) {
        if (jdbc.sql("select count(*) from staff_user where username = ?").param(username).query(Long.class)
                .single() > 0) {
            return;
        }
        // demo addresses on a domain that never receives mail; a real server sends only where SMTP is configured
        jdbc.sql("insert into staff_user (username, display_name, password_hash, enabled, demo, email)"
                        + " values (?, ?, ?, true, true, ?)")
                .params(username, displayName, hash, username + "@demo.invalid").update();
        for (RoleGrant g : grants) {
            jdbc.sql("insert into staff_role (username, role, commune_code, province_code) values (?, ?, ?, ?)")
                    .params(username, g.role().name(), g.communeCode(), g.provinceCode()).update();
        }
    }
}
