package vn.childprotection.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Nodes started at the same moment on one database set it up one after the other: the engine creating its schema
 * (Camunda 7 takes no lock for that: the second node failed on an empty database), the demo data, the first
 * administrator and our engine indexes. A node holds a PostgreSQL session advisory lock from before those steps
 * until it is ready; the next node waits for it, then finds everything made. A node that dies meanwhile lets go
 * with its connection. On H2 (one process) there is nothing to wait for. Flyway takes a lock of its own. The beans
 * that set up name it ({@code @DependsOn("startupLock")}: the demo data, the first administrator; the engine by
 * {@code EngineStartsAlone}).
 */
@Component("startupLock")
class StartupLock implements DisposableBean {

    private static final long KEY = 7_214_000_017L;
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    private final DataSource dataSource;
    private Connection held;

    StartupLock(DataSource dataSource) throws SQLException, InterruptedException {
        this.dataSource = dataSource;
        Connection connection = dataSource.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            connection.close();
            return;
        }
        Instant started = Instant.now();
        boolean told = false;
        while (!tryLock(connection)) {
            if (!told) {
                log.info("another node is starting on this database: waiting for it to finish");
                told = true;
            }
            if (Duration.between(started, Instant.now()).compareTo(GIVE_UP_AFTER) > 0) {
                connection.close();
                throw new IllegalStateException("another node has been starting for " + GIVE_UP_AFTER.toMinutes()
                        + " minutes and still holds the start-up lock");
            }
            Thread.sleep(500);
        }
        held = connection;
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Ready: the application runners (the engine indexes) have run too. */
    @EventListener(ApplicationReadyEvent.class)
    public synchronized void release() {
        if (held == null) {
            return;
        }
        try (Statement statement = held.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
            held.close();
        } catch (SQLException e) {
            // the lock ends with the session: the connection must not go back to the pool still holding it
            if (dataSource instanceof HikariDataSource hikari) {
                hikari.evictConnection(held);
            }
            log.warn("start-up lock: {}", e.getMessage());
        } finally {
            held = null;
        }
    }

    @Override
    public void destroy() {
        release();
    }
}
