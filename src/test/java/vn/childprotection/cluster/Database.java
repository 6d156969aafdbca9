package vn.childprotection.cluster;

import java.io.File;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** The run's PostgreSQL database, read with plain JDBC; and the server itself, for the restart scenario. */
final class Database {

    static final String HOST = Objects.requireNonNullElse(System.getenv("PGHOST"), "127.0.0.1");
    static final String PORT = Objects.requireNonNullElse(System.getenv("PGPORT"), "5432");
    static final String USER = System.getProperty("cluster.db.user", "postgres");
    static final String PASSWORD = System.getProperty("cluster.db.password", "");

    private final String name;

    private Database(String name) {
        this.name = name;
    }

    /** Drops the database if it is there and creates it empty. */
    static Database fresh(String name) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://" + HOST + ":" + PORT + "/postgres", USER,
                PASSWORD); var statement = admin.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return new Database(name);
    }

    String name() {
        return name;
    }

    String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    long count(String sql, Object... params) throws SQLException {
        List<List<Object>> rows = rows(sql, params);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    String string(String sql, Object... params) throws SQLException {
        return (String) rows(sql, params).get(0).get(0);
    }

    /** Every row of the query; a collection parameter is passed as an array (for {@code = any(?)}). */
    List<List<Object>> rows(String sql, Object... params) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof Collection<?> values) {
                    Array array = connection.createArrayOf("varchar", values.toArray());
                    statement.setArray(i + 1, array);
                } else {
                    statement.setObject(i + 1, params[i]);
                }
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /**
     * Restarts the PostgreSQL server ({@code -m fast}: every connection cut). The command is
     * {@code cluster.pg.restart}, or Debian's {@code pg_ctlcluster} for the one cluster under /etc/postgresql.
     */
    static void restartServer() throws Exception {
        String command = System.getProperty("cluster.pg.restart");
        if (command == null || command.isBlank()) {
            String[] versions = new File("/etc/postgresql").list();
            if (versions == null || versions.length == 0) {
                throw new IllegalStateException("no /etc/postgresql: set -Dcluster.pg.restart to the restart command");
            }
            command = "pg_ctlcluster --skip-systemctl-redirect " + versions[0] + " main restart -m fast";
        }
        Process restart = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        Ports.echo(restart);
        if (restart.waitFor() != 0) {
            throw new IllegalStateException("restart of PostgreSQL failed: " + command);
        }
    }
}
