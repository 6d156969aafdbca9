package vn.childprotection.cases;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.childprotection.security.StaffPrincipal;

/**
 * The case register's name search for the benchmark, which lives in another package: the key a name is
 * searched by, a search exactly as {@code GET /api/cases?q=} runs it, and the plan of the query it sends.
 */
public final class SearchProbe {

    private final CaseRegister register;
    private final JdbcClient jdbc;

    public SearchProbe(ApplicationContext context) {
        this.register = context.getBean(CaseRegister.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    /** The name as the register stores and searches it ({@link NameKey}). */
    public static String nameKey(String name) {
        return NameKey.of(name);
    }

    /** The first page of a search for {@code q} (audited, as every search is); how many cases it found. */
    public int search(String q, StaffPrincipal user, int size) {
        return register.search(query(q), user, 0, size).size();
    }

    /** EXPLAIN (ANALYZE, BUFFERS) of the query that search sends, with the same parameters. */
    public List<String> explain(String q, StaffPrincipal user, int size) {
        CaseRegister.Statement statement = register.statement(query(q), user, 0, size, 0, Instant.now());
        return jdbc.sql("explain (analyze, buffers) " + statement.sql()).params(statement.params())
                .query(String.class).list();
    }

    private static CaseRegister.Query query(String q) {
        return new CaseRegister.Query(q, null, null, null, null, null, null, null, null, null, null);
    }
}
