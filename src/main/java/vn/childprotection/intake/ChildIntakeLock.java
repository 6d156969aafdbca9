package vn.childprotection.intake;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.cases.Child;

/**
 * Serialises intake per child: the caller's transaction holds a row lock on each key the child is known
 * by (national ID; name and birth date in the commune) until it commits, so a second report about the
 * same child waits, then finds the case the first one opened. Children nobody can identify (no ID, no
 * name and birth date) are never matched, so they need no lock.
 */
@Component
class ChildIntakeLock {

    private final JdbcClient jdbc;
    private final boolean postgres;

    ChildIntakeLock(JdbcClient jdbc, DataSource dataSource) throws MetaDataAccessException {
        this.jdbc = jdbc;
        this.postgres = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName)
                .toLowerCase(Locale.ROOT).contains("postgres");
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void lock(Child child, String communeCode) {
        TreeSet<String> keys = new TreeSet<>();
        if (child.nationalId() != null) {
            keys.add("id:" + child.nationalId());
        }
        if (child.fullName() != null && child.birthDate() != null) {
            keys.add("name:" + communeCode + "|" + child.fullName().toLowerCase(Locale.ROOT) + "|" + child.birthDate());
        }
        // in key order, so that two reports never wait on each other in a circle
        for (String key : keys) {
            String k = key.length() > 300 ? key.substring(0, 300) : key;
            try {
                jdbc.sql(postgres ? "insert into child_intake_lock (child_key) values (?) on conflict do nothing"
                        : "merge into child_intake_lock (child_key) key (child_key) values (?)").param(k).update();
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                // H2: another report created the row this instant; lock it below like any other
            }
            jdbc.sql("select child_key from child_intake_lock where child_key = ? for update").param(k)
                    .query(String.class).single();
        }
    }
}
