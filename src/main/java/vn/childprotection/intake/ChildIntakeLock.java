package vn.childprotection.intake;

import java.util.Locale;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.childprotection.cases.Child;
import vn.childprotection.persistence.LockRows;

/**
 * Serialises intake per child: the caller's transaction holds a row lock on each key the child is known
 * by (national ID; name and birth date in the commune) until it commits, so a second report about the
 * same child waits, then finds the case the first one opened. Children nobody can identify (no ID, no
 * name and birth date) are never matched, so they need no lock.
 */
@Component
class ChildIntakeLock {

    private final JdbcClient jdbc;
    private final LockRows rows;

    ChildIntakeLock(JdbcClient jdbc, LockRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
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
            rows.ensure("child_intake_lock", "child_key", k);
            jdbc.sql("select child_key from child_intake_lock where child_key = ? for update").param(k)
                    .query(String.class).single();
        }
    }
}
