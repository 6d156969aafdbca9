package vn.childprotection.persistence;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Rows that exist to be locked (a child's intake, a sign-in counter): created on first use, never an
 * error when two transactions create the same one at once, on PostgreSQL and H2 alike.
 */
@Component
public class LockRows {

    private final JdbcClient jdbc;
    private final boolean postgres;

    public LockRows(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                .toLowerCase(Locale.ROOT).contains("postgres");
    }

    /** Inserts a row with only its key unless there is one; {@code table} and {@code key} are code, not input. */
    public void ensure(String table, String keyColumn, String key) {
        try {
            jdbc.sql(postgres
                    ? "insert into " + table + " (" + keyColumn + ") values (?) on conflict do nothing"
                    : "merge into " + table + " (" + keyColumn + ") key (" + keyColumn + ") values (?)")
                    .param(key).update();
        } catch (DuplicateKeyException raced) {
            // H2: another transaction created it this instant; the caller locks it like any other
        }
    }
}
