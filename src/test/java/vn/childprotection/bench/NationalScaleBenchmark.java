package vn.childprotection.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.security.core.userdetails.UserDetailsService;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.cases.SearchProbe;
import vn.childprotection.security.StaffPrincipal;

/**
 * The national-scale benchmark (run by {@code bench/run}, never by CI): loads N cases into PostgreSQL,
 * then measures the application against the raw engine in the same run on the same database.
 * Open cases go through the application's own intake (engine, projection, timeline, audit); closed
 * cases, their history and their audit trail are bulk-copied in exactly the application's formats,
 * the audit rows continuing the real hash chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NationalScaleBenchmark {

    static final int PROVINCES = 34;
    static final int COMMUNES_PER_PROVINCE = 98; // about 3,321 communes since July 2025
    static final double OPEN_SHARE = 0.15;
    static final String BENCH_PASSWORD = "demo";
    static final String BASELINE_PROCESS = "BenchBaselineCase";

    /** The SMTP server the notifications go to, in this JVM as in the tests (GreenMail). */
    static final GreenMail SMTP = smtpServer();

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        // the benchmark runs the dispatcher's cycles itself, to time them
        registry.add("child-protection.notifications.dispatch-every", () -> "PT1H");
    }

    final int cases = Integer.getInteger("bench.cases", 100_000);
    final boolean quick = Boolean.parseBoolean(System.getProperty("bench.quick", "true"));
    final Path out = Path.of(System.getProperty("bench.out", "target/bench"));
    /** Load the closed cases only and stop: the bulk part of a load, for work on the reports (bench.loadClosedOnly). */
    final boolean closedOnly = Boolean.getBoolean("bench.loadClosedOnly");
    /** Measure the periodic report only, on the loaded database (bench.only=periodicReport), for work on it. */
    final boolean reportOnly = "periodicReport".equals(System.getProperty("bench.only"));
    /**
     * Pause the engine's job executor for the whole run instead of waiting for past deadlines to fire
     * (bench.pauseJobs): a database just loaded with open cases holds a backlog of due escalations that takes the
     * executor over an hour here; what is measured then competes with nothing, and the jobs wait in ACT_RU_JOB.
     */
    final boolean pauseJobs = Boolean.getBoolean("bench.pauseJobs");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService taskService;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ObjectMapper json;
    @Autowired
    vn.childprotection.tasks.TaskInbox inbox;
    @Autowired
    AuditTrail auditTrail;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;
    @Autowired
    JavaMailSender mailSender;
    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Map<String, Object> results = new LinkedHashMap<>();

    @Test
    void measure() throws Exception {
        Files.createDirectories(out);
        seedDirectory();
        long present = jdbc.sql("select count(*) from case_file").query(Long.class).single();
        if (present < cases) {
            load();
            if (closedOnly) {
                log("closed cases loaded; stopping as asked (bench.loadClosedOnly)");
                return;
            }
        } else {
            log("database already holds %,d cases", present);
        }
        searchColumnsFilled();
        long total = jdbc.sql("select count(*) from case_file").query(Long.class).single();
        if (pauseJobs) {
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor().shutdown();
            log("job executor paused for the run (bench.pauseJobs): %,d due jobs wait", dueJobs());
        } else {
            timersCaughtUp();
        }
        housekept();

        if (reportOnly) {
            Map<String, Object> report = periodicReport(signIn("bench.supervisor", "/oversight"), signIn("admin", "/tasks"));
            Files.writeString(out.resolve("periodic-report.json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("cases", total, "report", report)));
            log("wrote %s", out.resolve("periodic-report.json"));
            return;
        }
        Session intakeOfficer = signIn("bench.intake", "/reports/new");
        Session worker = signIn("bench.worker", "/tasks");
        Session supervisor = signIn("bench.supervisor", "/oversight");
        Session admin = signIn("admin", "/tasks");
        deployBaseline();

        int perRound = quick ? 300 : 1_000;
        // a fresh JVM compiles the hot paths first: warm both up alike before anything is measured
        int warmUp = 10 * perRound;
        log("warming up intake and the raw engine (%,d each)", warmUp);
        concurrently(2, warmUp, () -> postReport(intakeOfficer));
        concurrently(2, warmUp, this::startRawProcess);
        Map<String, Object> intake = new LinkedHashMap<>();
        for (int threads : new int[] {1, 2, 4}) {
            List<Stats> app = new ArrayList<>();
            List<Stats> engine = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                app.add(concurrently(threads, perRound, () -> postReport(intakeOfficer)));
                engine.add(concurrently(threads, perRound, this::startRawProcess));
            }
            intake.put(threads + "threads", Map.of("reportsPerSec", best(app).perSecond(), "p50Ms", best(app).p50(),
                    "p99Ms", best(app).p99(), "baselineEngineStartsPerSec", best(engine).perSecond(),
                    "rounds", app.stream().map(Stats::summary).toList(),
                    "baselineRounds", engine.stream().map(Stats::summary).toList()));
            log("intake, %d threads: app %s | engine %s", threads, app, engine);
        }
        Map<?, ?> two = (Map<?, ?>) intake.get("2threads");
        results.put("intake", withDetail(Map.of("reportsPerSec", two.get("reportsPerSec"), "p50Ms", two.get("p50Ms"),
                "p99Ms", two.get("p99Ms"), "baselineEngineStartsPerSec", two.get("baselineEngineStartsPerSec")), intake));

        results.put("notifications", notificationThroughput(intakeOfficer));

        int reads = quick ? 400 : 1_000;
        List<Stats> workerInbox = rounds(() -> get(worker, "/api/tasks?size=50"), reads);
        List<Stats> supervisorInbox = rounds(() -> get(supervisor, "/api/tasks?size=50"), reads);
        String workerGroup = "worker-" + communeCode(1, 1);
        List<Stats> camunda = rounds(() -> camundaInbox(workerGroup, communeCode(1, 1)), reads);
        // the same question on the same footing as the engine query: in-process, no HTTP
        List<Stats> readModel = rounds(() -> inbox.inbox("bench.worker", List.of(workerGroup), 0, 50), reads);
        // and the engine's query over HTTP (its REST API), on the same footing as our endpoint; by candidate
        // group alone, which carries the commune: the REST API no longer takes filters on case variables
        List<Stats> camundaRest = rounds(() -> get(admin, "/engine-rest/task?candidateGroup=" + workerGroup
                + "&sortBy=dueDate&sortOrder=asc&firstResult=0&maxResults=50"), reads);
        results.put("inbox", withDetail(Map.of("cases", total, "p50Ms", best(workerInbox).p50(),
                        "p99Ms", best(workerInbox).p99(), "baselineCamundaQueryP99Ms", best(camunda).p99()),
                Map.of("worker", workerInbox.stream().map(Stats::summary).toList(),
                        "supervisor", supervisorInbox.stream().map(Stats::summary).toList(),
                        "supervisorP99Ms", best(supervisorInbox).p99(),
                        "readModelInProcessP99Ms", best(readModel).p99(),
                        "readModelInProcess", readModel.stream().map(Stats::summary).toList(),
                        "camundaRestP99Ms", best(camundaRest).p99(),
                        "camundaRest", camundaRest.stream().map(Stats::summary).toList(),
                        "camundaVariableQuery", camunda.stream().map(Stats::summary).toList())));
        log("inbox: worker %s | supervisor %s | read model in-process %s | camunda %s | camunda REST %s",
                workerInbox, supervisorInbox, readModel, camunda, camundaRest);

        List<String> sample = jdbc.sql("""
                        select c.id from case_file c join commune m on m.code = c.commune_code
                        where m.province_code = ? order by c.id limit 2000""")
                .param(provinceCode(1)).query(String.class).list();
        Random random = new Random(7);
        List<Stats> caseFile = rounds(() -> get(supervisor, "/api/cases/" + sample.get(random.nextInt(sample.size()))),
                reads);
        List<Stats> timeline = rounds(() -> get(supervisor, "/api/cases/" + sample.get(random.nextInt(sample.size()))
                + "/timeline"), reads);
        List<Stats> overdue = rounds(() -> get(supervisor, "/api/oversight/overdue?size=50"), reads);
        results.put("caseFile", Map.of("p99Ms", best(caseFile).p99(), "p50Ms", best(caseFile).p50(),
                "rounds", caseFile.stream().map(Stats::summary).toList()));
        results.put("timeline", Map.of("p99Ms", best(timeline).p99(), "p50Ms", best(timeline).p50(),
                "rounds", timeline.stream().map(Stats::summary).toList()));
        results.put("overdue", Map.of("p99Ms", best(overdue).p99(), "p50Ms", best(overdue).p50(),
                "rounds", overdue.stream().map(Stats::summary).toList()));
        log("case file %s | timeline %s | overdue %s", caseFile, timeline, overdue);

        results.put("search", nameSearch(supervisor));
        results.put("periodicReport", periodicReport(supervisor, admin));

        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        results.put("memory", Map.of("heapUsedMb", heap / (1024 * 1024), "rssMb", rssMb(),
                "note", "one JVM holds the application and the benchmark's clients"));
        long bytes = jdbc.sql("select pg_database_size(current_database())").query(Long.class).single();
        total = jdbc.sql("select count(*) from case_file").query(Long.class).single();
        results.put("database", Map.of("mbPer100kCases", Math.round(bytes / 1048576.0 / total * 100_000),
                "totalMb", bytes / 1048576, "cases", total,
                "auditRows", jdbc.sql("select count(*) from audit_event").query(Long.class).single(),
                "openTasks", jdbc.sql("select count(*) from task_inbox").query(Long.class).single()));
        results.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                "memoryGb", Math.round(totalMemoryGb()), "java", System.getProperty("java.version"),
                "postgres", jdbc.sql("show server_version").query(String.class).single(),
                "mode", quick ? "quick" : "full"));
        Files.writeString(out.resolve("app-results.json"),
                json.writerWithDefaultPrettyPrinter().writeValueAsString(results));
        log("wrote %s", out.resolve("app-results.json"));
    }

    /**
     * The periodic report of a year past (2025: the closed cases spread over ten years), a province's as its
     * supervisor asks for it and the country's as an administrator does, over HTTP, against the naive count of the
     * same rows: one plain {@code count(*)} over each table the report reads, for the same unit and year, in-process.
     */
    private Map<String, Object> periodicReport(Session supervisor, Session admin) throws Exception {
        String year = "&from=2025-01-01&to=2025-12-31";
        String province = "/api/statistics/periodic?unit=" + provinceCode(1) + year;
        String national = "/api/statistics/periodic?unit=VN" + year;
        int n = quick ? 10 : 20;
        concurrently(1, 2, () -> get(supervisor, province));
        concurrently(1, 2, () -> get(admin, national));
        Stats app = concurrently(1, n, () -> get(supervisor, province));
        Stats appNational = concurrently(1, Math.max(5, n / 2), () -> get(admin, national));
        Stats naive = concurrently(1, n, () -> naiveCounts(provinceCode(1)));
        Stats naiveNational = concurrently(1, Math.max(5, n / 2), () -> naiveCounts(null));
        long children = json.readTree(get(supervisor, province).body()).get("children").asLong();
        long childrenNational = json.readTree(get(admin, national).body()).get("children").asLong();
        log("periodic report 2025: province %s (%,d children) naive %s | national %s (%,d children) naive %s",
                app, children, naive, appNational, childrenNational, naiveNational);
        return Map.of("provinceP99Ms", app.p99(), "provinceP50Ms", app.p50(), "provinceChildren", children,
                "baselineNaiveProvinceP99Ms", naive.p99(), "nationalP99Ms", appNational.p99(),
                "nationalP50Ms", appNational.p50(), "nationalChildren", childrenNational,
                "baselineNaiveNationalP99Ms", naiveNational.p99(),
                "detail", Map.of("province", app.summary(), "national", appNational.summary(),
                        "naiveProvince", naive.summary(), "naiveNational", naiveNational.summary()));
    }

    /** One plain count per table the periodic report reads, for a province (or the country) and 2025. */
    private long naiveCounts(String province) {
        String scope = province == null ? "1 = 1" : "c.province_code = '" + province + "'";
        String from = "timestamp with time zone '2025-01-01 00:00:00+07'";
        String to = "timestamp with time zone '2026-01-01 00:00:00+07'";
        long total = 0;
        for (String sql : List.of(
                "select count(*) from report r join case_file c on c.id = r.case_id where r.received_at >= FROM and r.received_at < TO and SCOPE",
                "select count(*) from report_harm_type h join report r on r.id = h.report join case_file c on c.id = r.case_id where r.received_at >= FROM and r.received_at < TO and SCOPE",
                "select count(*) from case_event e join case_file c on c.id = e.case_id where e.done_at >= FROM and e.done_at < TO and SCOPE",
                "select count(*) from case_form f join case_file c on c.id = f.case_id where f.submitted_at >= FROM and f.submitted_at < TO and SCOPE",
                "select count(*) from police_referral p join case_file c on c.id = p.case_id where p.referred_at >= FROM and p.referred_at < TO and SCOPE",
                "select count(*) from police_record o join case_file c on c.id = o.case_id where o.recorded_at >= FROM and o.recorded_at < TO and SCOPE",
                "select count(*) from plan_item i join case_file c on c.id = i.case_id where i.updated_at >= FROM and i.updated_at < TO and SCOPE")) {
            total += jdbc.sql(sql.replace("FROM", from).replace("TO", to).replace("SCOPE", scope))
                    .query(Long.class).single();
        }
        return total;
    }

    private static Map<String, Object> withDetail(Map<String, Object> headline, Object detail) {
        Map<String, Object> all = new LinkedHashMap<>(headline);
        all.put("detail", detail);
        return all;
    }

    // --- the data ---

    static String provinceCode(int p) {
        return String.format("B%02d", p);
    }

    static String communeCode(int p, int c) {
        return String.format("B%02d-%03d", p, c);
    }

    /** 34 provinces of about 98 communes, and a worker, a supervisor and an intake officer (password "demo"). */
    private void seedDirectory() {
        if (jdbc.sql("select count(*) from province where code = 'B01'").query(Long.class).single() > 0) {
            return;
        }
        log("directory: %d provinces, %d communes", PROVINCES, PROVINCES * COMMUNES_PER_PROVINCE);
        for (int p = 1; p <= PROVINCES; p++) {
            jdbc.sql("insert into province (code, name) values (?, ?)").params(provinceCode(p), "Tỉnh thử " + p).update();
            for (int c = 1; c <= COMMUNES_PER_PROVINCE; c++) {
                jdbc.sql("insert into commune (code, name, province_code) values (?, ?, ?)")
                        .params(communeCode(p, c), "Xã thử " + p + "-" + c, provinceCode(p)).update();
            }
        }
        String hash = jdbc.sql("select password_hash from staff_user where username = 'worker.a'").query(String.class)
                .single();
        for (String user : List.of("bench.worker", "bench.supervisor", "bench.intake")) {
            jdbc.sql("insert into staff_user (username, display_name, password_hash) values (?, ?, ?)")
                    .params(user, user, hash).update();
        }
        jdbc.sql("insert into staff_role (username, role, commune_code) values ('bench.worker', 'WORKER', ?)")
                .param(communeCode(1, 1)).update();
        jdbc.sql("insert into staff_role (username, role, province_code) values ('bench.supervisor', 'SUPERVISOR', ?)")
                .param(provinceCode(1)).update();
        jdbc.sql("insert into staff_role (username, role) values ('bench.intake', 'INTAKE')").update();
    }

    /**
     * Children's names as the register meets them: family names weighted as in the country (Nguyễn about
     * two in five), a middle name by sex (Thị and Văn the most common), a given name, and now and then a
     * second middle name. What a name search finds depends on how common the name is, so the mix matters.
     */
    static final class Names {

        static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai", "Đoàn", "Cao", "Lâm", "Hà"};
        /** Per thousand, in FAMILY's order. */
        static final int[] FAMILY_WEIGHT = {380, 110, 95, 70, 40, 30, 45, 30, 25, 21, 20, 14, 13, 13, 10, 5, 8, 6, 5,
                5, 5, 5, 5, 35};
        static final String[] GIRL_MIDDLE = {"Thị", "Ngọc", "Thu", "Thanh", "Phương", "Minh", "Kim", "Bảo", "Khánh",
                "Mai", "Hoài", "Diệu", "Gia", "Tường", "Hải"};
        static final String[] BOY_MIDDLE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Anh", "Gia",
                "Hoàng", "Tuấn", "Bảo", "Đăng", "Trọng", "Quốc"};
        static final String[] GIRL_GIVEN = {"Hoa", "Lan", "Hương", "Linh", "Trang", "Anh", "Ngọc", "Mai", "Huyền",
                "Hà", "Thảo", "Phương", "Nhung", "Hằng", "Vy", "Vân", "Yến", "Nga", "Thủy", "Hạnh", "Quỳnh", "Trâm",
                "Nhi", "My", "Chi", "Giang", "Hiền", "Loan", "Oanh", "Dung", "Hòa", "Thư", "Ngân", "Tâm", "Uyên"};
        static final String[] BOY_GIVEN = {"Hùng", "Dũng", "Nam", "Minh", "Tuấn", "Long", "Huy", "Hoàng", "Khoa",
                "Phúc", "Bảo", "An", "Đức", "Sơn", "Thắng", "Quân", "Tùng", "Hiếu", "Trung", "Kiên", "Hải", "Thành",
                "Cường", "Vinh", "Tâm", "Khang", "Đạt", "Phong", "Lộc", "Việt", "Hưng", "Nghĩa", "Khôi", "Duy", "Tài"};
        private static final int FAMILY_TOTAL = java.util.Arrays.stream(FAMILY_WEIGHT).sum();

        private Names() {
        }

        static String next(Random random, boolean female) {
            int pick = random.nextInt(FAMILY_TOTAL);
            int f = 0;
            while (pick >= FAMILY_WEIGHT[f]) {
                pick -= FAMILY_WEIGHT[f++];
            }
            String[] middles = female ? GIRL_MIDDLE : BOY_MIDDLE;
            // the first middle name in one child of three, the others alike
            String middle = random.nextInt(3) == 0 ? middles[0] : middles[1 + random.nextInt(middles.length - 1)];
            if (random.nextInt(7) == 0) {
                middle += " " + middles[1 + random.nextInt(middles.length - 1)];
            }
            String[] given = female ? GIRL_GIVEN : BOY_GIVEN;
            return FAMILY[f] + " " + middle + " " + given[random.nextInt(given.length)];
        }
    }

    /**
     * Cases loaded by an earlier version of this benchmark carry no name key or receipt time (the columns came
     * later) and placeholder names ("Trẻ 123"): give them a name from the pool, its key as the application
     * writes it, and the first report's receipt, in batches. Does nothing on a database loaded by this version.
     */
    private void searchColumnsFilled() throws Exception {
        String stale = "(child_name_key is null and child_full_name is not null) or received_at is null"
                + " or child_full_name like 'Trẻ %'";
        long missing = jdbc.sql("select count(*) from case_file where " + stale).query(Long.class).single();
        if (missing == 0) {
            log("every case carries its name key and receipt time");
            return;
        }
        log("%,d cases were loaded without a name key or receipt time: filling them in", missing);
        Instant started = Instant.now();
        long done = 0;
        UUID last = new UUID(0, 0);
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            try (var create = connection.createStatement()) {
                create.execute("create temporary table bench_name (id uuid primary key, name varchar(200),"
                        + " name_key varchar(200)) on commit delete rows");
            }
            while (true) {
                List<String[]> batch = new ArrayList<>();
                try (var select = connection.prepareStatement("select id, child_full_name, child_sex from case_file"
                        + " where id > ? and (" + stale + ") order by id limit 20000")) {
                    select.setObject(1, last);
                    try (var rs = select.executeQuery()) {
                        while (rs.next()) {
                            batch.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                        }
                    }
                }
                if (batch.isEmpty()) {
                    break;
                }
                Copy names = new Copy("bench_name (id, name, name_key)");
                for (String[] row : batch) {
                    UUID id = UUID.fromString(row[0]);
                    String name = row[1];
                    if (name != null && name.startsWith("Trẻ ")) {
                        // the same name for the same case, whenever this runs
                        name = Names.next(new Random(id.getMostSignificantBits() ^ id.getLeastSignificantBits()),
                                "FEMALE".equals(row[2]));
                    }
                    names.row(id, name, SearchProbe.nameKey(name));
                    last = id;
                }
                names.send(copy);
                try (var update = connection.createStatement()) {
                    update.executeUpdate("""
                            update case_file c set child_full_name = n.name, child_name_key = n.name_key,
                                received_at = coalesce(c.received_at,
                                    (select min(r.received_at) from report r where r.case_id = c.id), c.opened_at)
                            from bench_name n where n.id = c.id""");
                }
                connection.commit();
                done += batch.size();
                log("name keys: %,d of %,d cases (%ds)", done, missing,
                        Duration.between(started, Instant.now()).toSeconds());
            }
        }
        jdbc.sql("analyze case_file").update();
        log("filled in %,d cases", done);
    }

    /** Deadlines already past when the data was loaded fire first (escalations): measure after, not during. */
    private void timersCaughtUp() throws InterruptedException {
        Instant started = Instant.now();
        long total = 0;
        long due;
        // deadlines keep passing while we wait: the total grows with them, and the bar never runs backwards
        while ((due = dueJobs()) > 0 && Duration.between(started, Instant.now()).toMinutes() < 30) {
            total = Math.max(total, due);
            progress("due timers", total - due, total, started);
            Thread.sleep(2_000);
        }
        log("timers due before the run have fired (%,d escalations open)",
                jdbc.sql("select count(*) from task_inbox where task_type = 'ESCALATION'").query(Long.class).single());
    }

    /**
     * What autovacuum does on a server (CI's PostgreSQL runs without it): dead rows cleared and statistics
     * fresh on the tables earlier runs churned, tables loaded in bulk vacuumed (as autovacuum's insert threshold
     * would: their pages marked all-visible, so that index-only scans need no heap), then a checkpoint, so that no
     * run measures the last one's debris.
     */
    private void housekept() {
        boolean autovacuum = "on".equals(jdbc.sql("show autovacuum").query(String.class).single());
        List<String> tables = jdbc.sql("""
                        select relname from pg_stat_user_tables
                        where n_dead_tup > 1000 or coalesce(last_analyze, last_autoanalyze) is null
                          or n_ins_since_vacuum > 100000""")
                .query(String.class).list();
        log("vacuum and analyze of %d tables with dead rows (autovacuum %s), then a checkpoint", tables.size(),
                autovacuum ? "on" : "off here");
        for (String table : tables) {
            jdbc.sql("vacuum (analyze) \"" + table.replace("\"", "\"\"") + "\"").update();
        }
        try {
            jdbc.sql("checkpoint").update();
        } catch (DataAccessException notAllowed) {
            log("no checkpoint: %s", notAllowed.getMostSpecificCause().getMessage());
        }
    }

    private long dueJobs() {
        return jdbc.sql("select count(*) from ACT_RU_JOB where DUEDATE_ < ? and RETRIES_ > 0")
                .param(Timestamp.from(Instant.now())).query(Long.class).single();
    }

    /**
     * Loads what the database lacks of its share of closed and open cases (85 % and 15 % of N): a load stopped
     * half-way, or one of the closed cases only, goes on where it stopped.
     */
    private void load() throws Exception {
        long closedBefore = jdbc.sql("select count(*) from case_file where case_number like 'CP-%' and status = 'CLOSED'")
                .query(Long.class).single();
        long openBefore = jdbc.sql("select count(*) from case_file").query(Long.class).single() - closedBefore;
        int openWanted = (int) Math.round(cases * OPEN_SHARE);
        int closed = (int) Math.max(0, cases - openWanted - closedBefore);
        int open = closedOnly ? 0 : (int) Math.max(0, openWanted - openBefore);
        log("loading %,d cases: %,d closed (bulk, the application's formats) and %,d open (through the intake API)",
                closed + open, closed, open);
        // the closed cases' numbers follow those already there
        new ClosedCases(closed, (int) closedBefore).copy();
        if (open == 0) {
            jdbc.sql("analyze").update();
            return;
        }
        Session intakeOfficer = signIn("bench.intake", "/reports/new");
        AtomicLong done = new AtomicLong();
        Random random = new Random(42);
        Instant started = Instant.now();
        // Each report's 12 hours are mostly past already: with the job executor running, every intake would fire
        // its escalation alongside and the load ran at 35 a second. Paused for the load, the deadlines wait in
        // ACT_RU_JOB and fire afterwards, before anything is measured (timersCaughtUp).
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobs.shutdown();
        log("job executor paused for the load of the open cases");
        try {
            concurrently(4, open, () -> {
                int p = 1 + random.nextInt(PROVINCES);
                int c = 1 + random.nextInt(COMMUNES_PER_PROVINCE);
                // received over the last three days: most initial assessments are past their 12 hours
                OffsetDateTime receivedAt = OffsetDateTime.now(ZoneOffset.ofHours(7))
                        .minusMinutes(random.nextInt(3 * 24 * 60)).withNano(0);
                postReport(intakeOfficer, communeCode(p, c), receivedAt);
                progress("open cases", done.incrementAndGet(), open, started);
                return null;
            });
        } finally {
            jobs.start();
            log("job executor started again");
        }
        jdbc.sql("analyze").update();
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single())
                .as("cases in the database after the load").isGreaterThanOrEqualTo(cases);
        AuditTrail.Verification chain = auditTrail.verify();
        assertThat(chain.intact()).as("the audit chain over the loaded cases: %s", chain.problem()).isTrue();
        log("audit chain verified over %,d rows", chain.checked());
    }

    /** Closed cases as the application leaves them: report, assessment, forms, timeline and audit trail. */
    private final class ClosedCases {

        final int count;
        /** Closed cases loaded by an earlier run: the numbers go on after theirs. */
        final int after;
        final Random random = new Random(1);
        final String[] harms = {"PHYSICAL_VIOLENCE", "PSYCHOLOGICAL_VIOLENCE", "SEXUAL_ABUSE", "NEGLECT",
                "CHILD_LABOUR", "ONLINE_ABUSE", "ABANDONMENT", "EXPLOITATION"};
        final String[] steps = {"INITIAL_ASSESSMENT", "RISK_NEEDS_ASSESSMENT", "CASE_MEETING", "PLAN_DRAFT",
                "PLAN_APPROVAL", "PLAN_REVIEW", "CLOSURE_APPROVAL"};

        ClosedCases(int count, int after) {
            this.count = count;
            this.after = after;
        }

        void copy() throws Exception {
            if (count <= 0) {
                return;
            }
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                var head = connection.createStatement().executeQuery(
                        "select last_seq, last_hash from audit_head where id = 1 for update");
                head.next();
                long seq = head.getLong(1);
                String hash = head.getString(2);
                Instant started = Instant.now();
                int batch = 5_000;
                for (int from = 0; from < count; from += batch) {
                    Rows rows = new Rows();
                    for (int i = from; i < Math.min(count, from + batch); i++) {
                        long[] chain = {seq};
                        String[] last = {hash};
                        one(after + i, rows, chain, last);
                        seq = chain[0];
                        hash = last[0];
                    }
                    rows.copy(copy);
                    progress("closed cases", Math.min(count, from + batch), count, started);
                }
                try (var update = connection.prepareStatement(
                        "update audit_head set last_seq = ?, last_hash = ? where id = 1")) {
                    update.setLong(1, seq);
                    update.setString(2, hash);
                    update.executeUpdate();
                }
                connection.commit();
            }
        }

        private void one(int i, Rows rows, long[] seq, String[] hash) {
            int year = 2016 + i % 10;
            int p = 1 + random.nextInt(PROVINCES);
            String commune = communeCode(p, 1 + random.nextInt(COMMUNES_PER_PROVINCE));
            UUID caseId = UUID.randomUUID();
            Instant opened = OffsetDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28), 8, 0, 0, 0,
                    ZoneOffset.ofHours(7)).toInstant().plusSeconds(random.nextInt(36_000));
            String number = String.format("CP-%d-%06d", year, 100_000 + i / 10);
            String sex = random.nextBoolean() ? "FEMALE" : "MALE";
            int age = random.nextInt(17);
            String name = Names.next(random, sex.equals("FEMALE"));
            // as the application opens a case: the register's name key (NameKey) and the first report's receipt
            rows.caseFile.row(caseId, number, "CLOSED", commune, opened, name, sex, null, age, null, "Kinh",
                    null, 3, SearchProbe.nameKey(name), opened, provinceCode(p));
            UUID report = UUID.randomUUID();
            String harm = harms[random.nextInt(harms.length)];
            rows.report.row(report, caseId, "HOTLINE_111", opened, opened.plusSeconds(60), "bench.intake", "FAMILY",
                    "Tin báo thử số " + i + ": trẻ bị " + harm.toLowerCase(Locale.ROOT), random.nextInt(5) == 0,
                    false, "PARENT", null, null, true, null, null, null);
            rows.harm.row(report, harm);
            Instant at = opened.plusSeconds(300);
            rows.event.row(UUID.randomUUID(), caseId, null, "REPORT_RECEIVED", null, "HOTLINE_111", opened, null, null,
                    null, "bench.intake");
            audit(rows, seq, hash, opened, "bench.intake", "REPORT", caseId, "opened the case");
            for (String step : steps) {
                String task = UUID.randomUUID().toString();
                Instant due = at.plus(Duration.ofDays(step.equals("PLAN_REVIEW") ? 35 : 5));
                Instant done = at.plus(Duration.ofHours(2 + random.nextInt(96)));
                rows.event.row(UUID.randomUUID(), caseId, task, step, null, null, at, due, done, "DONE", "bench.worker");
                audit(rows, seq, hash, at, "bench.worker", "TASK_CLAIM", caseId, step);
                audit(rows, seq, hash, done, "bench.worker", "TASK_COMPLETE", caseId, step);
                if (step.equals("INITIAL_ASSESSMENT")) {
                    rows.assessment.row(UUID.randomUUID(), caseId, task, "MEDIUM", false, false,
                            "Đánh giá ban đầu thử", "bench.worker", done);
                } else if (step.equals("PLAN_DRAFT") || step.equals("PLAN_REVIEW")) {
                    rows.form.row(UUID.randomUUID(), caseId, task, step,
                            "{\"goals\":\"Trẻ an toàn\",\"activities\":\"Tư vấn tâm lý\",\"summary\":\"Ổn định\"}",
                            "bench.worker", done);
                }
                at = done.plusSeconds(600);
            }
            rows.event.row(UUID.randomUUID(), caseId, null, "CASE_CLOSED", null, null, at, null, null, null, null);
        }

        private void audit(Rows rows, long[] seq, String[] hash, Instant at, String user, String action, UUID caseId,
                           String detail) {
            seq[0]++;
            Instant millis = Instant.ofEpochMilli(at.toEpochMilli());
            String next = AuditTrail.hash(seq[0], millis, user, action, caseId, detail, "127.0.0.1", hash[0]);
            rows.audit.row(seq[0], millis, user, action, caseId, detail, "127.0.0.1", hash[0], next);
            hash[0] = next;
        }
    }

    /** COPY buffers for one batch, in the order foreign keys need. */
    private static final class Rows {
        final Copy caseFile = new Copy("case_file (id, case_number, status, commune_code, opened_at, child_full_name, "
                + "child_sex, child_birth_date, child_age_years, child_national_id, child_ethnicity, child_address, version, "
                + "child_name_key, received_at, province_code)");
        final Copy report = new Copy("report (id, case_id, channel, received_at, recorded_at, recorded_by, setting, "
                + "description, immediate_danger, alleged_abuser_is_caregiver, abuser_relationship, abuser_full_name, "
                + "abuser_age_years, reporter_anonymous, reporter_full_name, reporter_phone, reporter_relationship)");
        final Copy harm = new Copy("report_harm_type (report, harm_type)");
        final Copy assessment = new Copy("initial_assessment (id, case_id, task_id, danger_level, immediate_danger, "
                + "crime_suspected, summary, assessed_by, assessed_at)");
        final Copy form = new Copy("case_form (id, case_id, task_id, form_type, content, submitted_by, submitted_at)");
        final Copy event = new Copy("case_event (id, case_id, task_id, type, step, detail, occurred_at, due_at, done_at, "
                + "outcome, actor)");
        final Copy audit = new Copy("audit_event (seq, occurred_at, username, action, case_id, detail, remote_addr, "
                + "prev_hash, hash)");

        void copy(CopyManager copy) throws Exception {
            for (Copy c : List.of(caseFile, report, harm, assessment, form, event, audit)) {
                c.send(copy);
            }
        }
    }

    /** Rows in PostgreSQL's COPY text format. */
    private static final class Copy {
        final String target;
        final StringBuilder text = new StringBuilder();

        Copy(String target) {
            this.target = target;
        }

        void row(Object... values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    text.append("\\N");
                } else if (v instanceof Instant instant) {
                    text.append(Timestamp.from(instant).toInstant().toString());
                } else {
                    text.append(v.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
                }
            }
            text.append('\n');
        }

        void send(CopyManager copy) throws Exception {
            if (!text.isEmpty()) {
                copy.copyIn("copy " + target + " from stdin", new StringReader(text.toString()));
                text.setLength(0);
            }
        }
    }

    // --- the register's name search ---

    /** A name as a supervisor types it (no diacritics, lower case) and as it is written. */
    record Term(String typed, String written) {
    }

    /**
     * A province supervisor looks for a child by name: the application's register (CaseRegister.search, in
     * process: the jurisdiction gate, the name key's trigram index on PostgreSQL, the open steps of the page,
     * an audit row per case found and one for the search) against the same question as a plain ILIKE over
     * the written names of the province, without folding (so it needs the diacritics typed), in process too,
     * through the same DataSource. Rounds alternate between the two, each over the same names.
     */
    private Map<String, Object> nameSearch(Session supervisorSession) throws Exception {
        SearchProbe register = new SearchProbe(context);
        StaffPrincipal supervisor = (StaffPrincipal) users.loadUserByUsername("bench.supervisor");
        List<Term> terms = searchTerms(200);
        log("name search: %d names of children of the province, e.g. %s", terms.size(),
                terms.subList(0, 6).stream().map(Term::typed).toList());

        List<String> plan = register.explain(terms.get(0).typed(), supervisor, 50);
        log("the register's plan for q=%s:%n  %s", terms.get(0).typed(), String.join("\n  ", plan));
        List<String> baselinePlan = jdbc.sql("explain (analyze, buffers) " + ILIKE_SEARCH)
                .params(provinceCode(1), "%" + terms.get(0).written() + "%").query(String.class).list();
        log("the ILIKE scan's plan for %s:%n  %s", terms.get(0).written(), String.join("\n  ", baselinePlan));

        AtomicInteger next = new AtomicInteger();
        AtomicLong found = new AtomicLong();
        AtomicLong baselineFound = new AtomicLong();
        Callable<Object> app = () -> {
            found.addAndGet(register.search(terms.get(next.getAndIncrement() % terms.size()).typed(), supervisor, 50));
            return null;
        };
        Callable<Object> ilike = () -> {
            Term term = terms.get(next.getAndIncrement() % terms.size());
            baselineFound.addAndGet(jdbc.sql(ILIKE_SEARCH).params(provinceCode(1), "%" + term.written() + "%")
                    .query((rs, n) -> rs.getString(2)).list().size());
            return null;
        };
        int perRound = quick ? 200 : 300;
        log("warming up the register's search and the ILIKE scan (%d each)", perRound / 2);
        concurrently(1, perRound / 2, app);
        next.set(0);
        concurrently(1, perRound / 2, ilike);
        List<Stats> appRounds = new ArrayList<>();
        List<Stats> baselineRounds = new ArrayList<>();
        found.set(0);
        baselineFound.set(0);
        for (int round = 0; round < 2; round++) {
            // each round over the same names, in the same order, for both
            next.set(0);
            appRounds.add(concurrently(1, perRound, app));
            next.set(0);
            baselineRounds.add(concurrently(1, perRound, ilike));
        }
        Stats appAll = best(appRounds);
        Stats baselineAll = best(baselineRounds);
        double foundPerSearch = Math.round(found.get() / (2.0 * perRound) * 10) / 10.0;
        double baselineFoundPerSearch = Math.round(baselineFound.get() / (2.0 * perRound) * 10) / 10.0;

        // whether the searches as the pool's connections run them (prepared, perhaps a generic plan) used the index
        long scansBefore = trigramScans();
        next.set(0);
        int checked = 100;
        concurrently(1, checked, app);
        long scans = trigramScans() - scansBefore;
        log("the trigram index was scanned %d times by %d searches", scans, checked);

        // and the same page over HTTP, as GET /api/cases?q= answers it
        next.set(0);
        List<Stats> http = rounds(() -> get(supervisorSession, "/api/cases?size=50&q=" + URLEncoder.encode(
                terms.get(next.getAndIncrement() % terms.size()).typed(), StandardCharsets.UTF_8)), perRound);

        log("name search: register %s | ILIKE %s | register over HTTP %s; %.1f and %.1f cases a search",
                appRounds, baselineRounds, http, foundPerSearch, baselineFoundPerSearch);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("terms", terms.size());
        detail.put("sampleTerms", terms.subList(0, 10).stream().map(Term::typed).toList());
        detail.put("casesFoundPerSearch", foundPerSearch);
        detail.put("baselineCasesFoundPerSearch", baselineFoundPerSearch);
        detail.put("rounds", appRounds.stream().map(Stats::summary).toList());
        detail.put("baselineRounds", baselineRounds.stream().map(Stats::summary).toList());
        detail.put("trigramIndexScans", Map.of("searches", checked, "scans", scans));
        detail.put("plan", plan);
        detail.put("baselinePlan", baselinePlan);
        detail.put("baselineQuery", ILIKE_SEARCH);
        detail.put("httpP50Ms", best(http).p50());
        detail.put("httpP99Ms", best(http).p99());
        detail.put("http", http.stream().map(Stats::summary).toList());
        Map<String, Object> search = new LinkedHashMap<>();
        search.put("p50Ms", appAll.p50());
        search.put("p95Ms", appAll.percentile(0.95));
        search.put("p99Ms", appAll.p99());
        search.put("baselineIlikeP50Ms", baselineAll.p50());
        search.put("baselineIlikeP95Ms", baselineAll.percentile(0.95));
        search.put("baselineIlikeP99Ms", baselineAll.p99());
        search.put("detail", detail);
        return search;
    }

    /** The baseline: the province's cases whose name contains the text as written, newest first. */
    static final String ILIKE_SEARCH = """
            select c.id, c.case_number, c.child_full_name, c.commune_code, c.status, c.received_at from case_file c
            where c.commune_code in (select code from commune where province_code = ?) and c.child_full_name ilike ?
            order by c.received_at desc limit 50""";

    /**
     * Names of children of the supervisor's province (the same ones every run), three in five typed whole
     * ("nguyen thi hoa"), the others without the family name ("thi hoa"); without diacritics, lower case.
     */
    private List<Term> searchTerms(int count) {
        List<String> names = jdbc.sql("""
                        select c.child_full_name from case_file c
                        where c.commune_code in (select code from commune where province_code = ?)
                          and c.child_full_name is not null
                        order by md5(c.id::text) limit ?""")
                .params(provinceCode(1), count).query(String.class).list();
        List<Term> terms = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String written = names.get(i);
            if (i % 5 >= 3 && written.indexOf(' ') > 0) {
                written = written.substring(written.indexOf(' ') + 1);
            }
            terms.add(new Term(SearchProbe.nameKey(written), written));
        }
        return terms;
    }

    /** Scans of the name key's trigram index so far (statistics are flushed within seconds: waits for them). */
    private long trigramScans() throws InterruptedException {
        Thread.sleep(12_000);
        jdbc.sql("select pg_stat_clear_snapshot()").query(String.class).optional();
        return jdbc.sql("select coalesce(sum(idx_scan), 0) from pg_stat_user_indexes where indexrelname = ?")
                .param("case_file_place_name_trgm").query(Long.class).single();
    }

    // --- the clients ---

    record Session(String cookie, String csrf) {
    }

    /** Signs in through the login form, as a browser does, and keeps the session and its CSRF token. */
    private Session signIn(String username, String page) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(login, null);
        String form = "username=" + username + "&password=" + BENCH_PASSWORD + "&_csrf="
                + URLEncoder.encode(csrf(login.body()), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        cookie = cookie(signedIn, cookie);
        HttpResponse<String> landing = http.send(HttpRequest.newBuilder(uri(page)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(landing.statusCode()).as("%s signed in", username).isEqualTo(200);
        return new Session(cookie, csrf(landing.body()));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page");
        }
        return m.group(1);
    }

    private static String cookie(HttpResponse<?> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(previous);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(Session session, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", session.cookie())
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET %s: %s", path, r.body()).isEqualTo(200);
        return r;
    }

    private HttpResponse<String> post(Session session, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Cookie", session.cookie())
                .header("X-CSRF-TOKEN", session.csrf()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private final Random reportRandom = new Random(3);

    private synchronized String randomCommune() {
        return communeCode(1 + reportRandom.nextInt(PROVINCES), 1 + reportRandom.nextInt(COMMUNES_PER_PROVINCE));
    }

    private Object postReport(Session session) throws Exception {
        return postReport(session, randomCommune(), OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(5)
                .withNano(0));
    }

    private Object postReport(Session session, String commune, OffsetDateTime receivedAt) throws Exception {
        HttpResponse<String> r = post(session, "/api/reports", report(commune, receivedAt, false));
        assertThat(r.statusCode()).as("intake: %s", r.body()).isEqualTo(201);
        return null;
    }

    private Object postReport(Session session, String commune, boolean immediateDanger) throws Exception {
        HttpResponse<String> r = post(session, "/api/reports", report(commune,
                OffsetDateTime.now(ZoneOffset.ofHours(7)).minusMinutes(5).withNano(0), immediateDanger));
        assertThat(r.statusCode()).as("intake: %s", r.body()).isEqualTo(201);
        return null;
    }

    private String report(String commune, OffsetDateTime receivedAt, boolean immediateDanger) {
        ObjectNode report = json.createObjectNode();
        report.put("channel", "HOTLINE_111");
        report.put("receivedAt", receivedAt.toString());
        report.put("communeCode", commune);
        ObjectNode child = report.putObject("child");
        boolean female;
        String name;
        synchronized (this) {
            female = reportRandom.nextBoolean();
            name = Names.next(reportRandom, female);
        }
        child.put("fullName", name);
        child.put("sex", female ? "FEMALE" : "MALE");
        child.put("ageYears", 10);
        report.putArray("harmTypes").add("PHYSICAL_VIOLENCE");
        report.put("setting", "FAMILY");
        report.put("description", "Hàng xóm nghe tiếng trẻ bị đánh nhiều lần trong tuần.");
        report.put("immediateDanger", immediateDanger);
        report.putObject("reporter").put("anonymous", true);
        return report.toString();
    }

    // --- notifications ---

    static final String MAIL_DOMAIN = "@bench.invalid";

    /**
     * Ten workers with an address in one commune; reports of immediate danger there write, in intake's transaction,
     * an urgent notification and an e-mail in the outbox for each of them; then the outbox's own dispatch cycle
     * sends them to the SMTP server in this JVM. Baseline in the same run: as many messages of the same shape sent
     * straight through Spring's mail sender to the same server, one after another as the dispatcher sends.
     */
    private Map<String, Object> notificationThroughput(Session intakeOfficer) throws Exception {
        String commune = communeCode(1, 2);
        String hash = jdbc.sql("select password_hash from staff_user where username = 'worker.a'").query(String.class)
                .single();
        for (int i = 1; i <= 10; i++) {
            String user = "bench.mail" + i;
            if (jdbc.sql("select count(*) from staff_user where username = ?").param(user).query(Long.class).single() == 0) {
                jdbc.sql("insert into staff_user (username, display_name, password_hash, email) values (?, ?, ?, ?)")
                        .params(user, user, hash, user + MAIL_DOMAIN).update();
                jdbc.sql("insert into staff_role (username, role, commune_code) values (?, 'WORKER', ?)")
                        .params(user, commune).update();
            }
        }
        // whatever an earlier run left waiting for these people is not this run's
        jdbc.sql("update outbox_message set status = 'SENT' where status = 'PENDING' and recipient like ?")
                .param("%" + MAIL_DOMAIN).update();
        SMTP.purgeEmailFromAllMailboxes();
        int reports = quick ? 100 : 300;
        Timestamp from = Timestamp.from(Instant.now());
        log("notifications: %,d reports of immediate danger to a commune of ten workers with an address", reports);
        Stats urgentIntake = concurrently(2, reports, () -> postReport(intakeOfficer, commune, true));
        long written = jdbc.sql("""
                        select count(*) from outbox_message o join notification n on n.id = o.notification_id
                        where n.kind = 'URGENT_TASK' and o.recipient like ? and o.created_at >= ?""")
                .params("%" + MAIL_DOMAIN, from).query(Long.class).single();
        long inApp = jdbc.sql("select count(*) from notification where kind = 'URGENT_TASK' and username like 'bench.mail%'"
                + " and created_at >= ?").param(from).query(Long.class).single();

        long started = System.nanoTime();
        long pending = written;
        for (int cycle = 0; pending > 0 && cycle < 1_000; cycle++) {
            vn.childprotection.notifications.OutboxCycle.run(context);
            pending = jdbc.sql("select count(*) from outbox_message where status = 'PENDING' and recipient like ?")
                    .param("%" + MAIL_DOMAIN).query(Long.class).single();
        }
        double dispatchSeconds = (System.nanoTime() - started) / 1e9;
        long sent = jdbc.sql("select count(*) from outbox_message where status = 'SENT' and recipient like ?"
                + " and created_at >= ?").params("%" + MAIL_DOMAIN, from).query(Long.class).single();
        assertThat(pending).as("every message sent").isZero();
        assertThat(SMTP.getReceivedMessages()).as("each message received once").hasSize((int) sent);

        var sample = jdbc.sql("select subject, body_text, body_html from outbox_message where recipient like ?"
                        + " and created_at >= ? limit 1").params("%" + MAIL_DOMAIN, from)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).single();
        started = System.nanoTime();
        for (int i = 0; i < sent; i++) {
            jakarta.mail.internet.MimeMessage mime = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
            helper.setFrom("bao-ve-tre-em@localhost");
            helper.setTo("bench.mail" + (1 + i % 10) + MAIL_DOMAIN);
            helper.setSubject(sample[0]);
            helper.setText(sample[1], sample[2]);
            mailSender.send(mime);
        }
        double directSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(SMTP.getReceivedMessages()).hasSize((int) (2 * sent));
        SMTP.purgeEmailFromAllMailboxes();

        double writtenPerSec = Math.round(written / urgentIntake.seconds() * 10) / 10.0;
        double dispatchedPerSec = Math.round(sent / dispatchSeconds * 10) / 10.0;
        double directPerSec = Math.round(sent / directSeconds * 10) / 10.0;
        log("notifications: %,d reports at %s wrote %,d e-mails (%.1f/s) and %,d in-app; dispatched %,d in %.1f s"
                        + " (%.1f/s); straight through the mail sender %.1f/s", reports, urgentIntake, written,
                writtenPerSec, inApp, sent, dispatchSeconds, dispatchedPerSec, directPerSec);
        return Map.of("messagesWrittenPerSec", writtenPerSec, "messagesDispatchedPerSec", dispatchedPerSec,
                "baselineDirectSendPerSec", directPerSec, "messages", sent, "messagesWritten", written,
                "inAppNotifications", inApp,
                "urgentReportsPerSec", urgentIntake.perSecond(), "urgentReportP99Ms", urgentIntake.p99(),
                "recipientsPerReport", 10);
    }

    private static GreenMail smtpServer() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- the raw engine baselines ---

    /** The same model under another key: the engine alone, without the application's projection and timeline. */
    private void deployBaseline() throws IOException {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(BASELINE_PROCESS).count() > 0) {
            return;
        }
        String xml = new ClassPathResource("processes/child-protection-case.bpmn")
                .getContentAsString(StandardCharsets.UTF_8)
                .replace("id=\"ChildProtectionCase\"", "id=\"" + BASELINE_PROCESS + "\"")
                .replace("bpmnElement=\"ChildProtectionCase\"", "bpmnElement=\"" + BASELINE_PROCESS + "\"")
                .replace("processRef=\"ChildProtectionCase\"", "processRef=\"" + BASELINE_PROCESS + "\"");
        repository.createDeployment().name("benchmark baseline").addString("bench-baseline.bpmn", xml).deploy();
    }

    private Object startRawProcess() {
        UUID caseId = UUID.randomUUID();
        String commune = randomCommune();
        // the variables the application's port starts a case with (CamundaCaseWorkflow.startCase)
        runtime.startProcessInstanceByKey(BASELINE_PROCESS, "BENCH-" + caseId, Map.of(
                "caseId", caseId.toString(), "communeCode", commune, "provinceCode", provinceCode(1),
                "receivedAt", java.util.Date.from(Instant.now()), "crimeAtIntake", false, "policeChannel", false,
                "offenceCommuneCode", commune, "offenceProvinceCode", provinceCode(1),
                "initialAssessmentDeadline", "initial-assessment", "assessmentPriority", 50));
        return null;
    }

    /** What a task list built on engine queries would run: candidate group plus a process variable filter. */
    private Object camundaInbox(String group, String commune) {
        taskService.createTaskQuery().taskCandidateGroup(group).processVariableValueEquals("communeCode", commune)
                .orderByDueDate().asc().listPage(0, 50);
        return null;
    }

    // --- measuring ---

    record Stats(int requests, double seconds, List<Double> millis) {

        double perSecond() {
            return Math.round(requests / seconds * 10) / 10.0;
        }

        double p50() {
            return percentile(0.50);
        }

        double p99() {
            return percentile(0.99);
        }

        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(millis);
            Collections.sort(sorted);
            return Math.round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) * 10)
                    / 10.0;
        }

        Map<String, Object> summary() {
            return Map.of("perSec", perSecond(), "p50Ms", p50(), "p99Ms", p99(), "requests", requests);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f/s p50 %.1f ms p99 %.1f ms", perSecond(), p50(), p99());
        }
    }

    /** All rounds together: requests over the time they took, percentiles over every request. */
    private static Stats best(List<Stats> rounds) {
        List<Double> millis = new ArrayList<>();
        rounds.forEach(r -> millis.addAll(r.millis()));
        return new Stats(rounds.stream().mapToInt(Stats::requests).sum(),
                rounds.stream().mapToDouble(Stats::seconds).sum(), millis);
    }

    /** A warm-up, then two measured rounds of one client. */
    private List<Stats> rounds(Callable<?> call, int requests) throws Exception {
        concurrently(1, Math.max(50, requests / 5), call);
        return List.of(concurrently(1, requests, call), concurrently(1, requests, call));
    }

    private Stats concurrently(int threads, int requests, Callable<?> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        AtomicLong remaining = new AtomicLong(requests);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                while (remaining.getAndDecrement() > 0) {
                    long t0 = System.nanoTime();
                    call.call();
                    millis.add((System.nanoTime() - t0) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return new Stats(requests, (System.nanoTime() - start) / 1e9, millis);
    }

    private static long rssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static double totalMemoryGb() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() / 1e9;
        }
        return -1;
    }

    private static final Object PROGRESS = new Object();

    /** A progress bar on one line: how far, how fast, how long still. */
    private static void progress(String what, long done, long total, Instant started) {
        if (done % Math.max(1, total / 50) != 0 && done != total) {
            return;
        }
        synchronized (PROGRESS) {
            double seconds = Math.max(0.001, Duration.between(started, Instant.now()).toMillis() / 1000.0);
            double rate = done / seconds;
            int width = 30;
            int filled = (int) (width * done / Math.max(1, total));
            System.out.printf(Locale.ROOT, "\r%-13s [%s%s] %,d/%,d  %.0f/s  %ds left%s", what,
                    "#".repeat(filled), " ".repeat(width - filled), done, total, rate,
                    (long) ((total - done) / Math.max(rate, 0.001)), done == total ? "\n" : "");
            System.out.flush();
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
    }

}
