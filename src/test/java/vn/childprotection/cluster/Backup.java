package vn.childprotection.cluster;

import java.util.ArrayList;
import java.util.List;

/** The project's backup and restore scripts, run as an operator would, and what a database holds to compare. */
final class Backup {

    private Backup() {
    }

    static void run(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGHOST", Database.HOST);
        builder.environment().put("PGPORT", Database.PORT);
        builder.environment().put("PGUSER", Database.USER);
        if (!Database.PASSWORD.isEmpty()) {
            builder.environment().put("PGPASSWORD", Database.PASSWORD);
        }
        Process process = builder.start();
        Ports.echo(process);
        if (process.waitFor() != 0) {
            throw new AssertionError(script + " " + String.join(" ", args) + " failed (exit " + process.exitValue() + ")");
        }
    }

    /** Cases, engine timers and the audit chain's end: what a restored database must hold the same. */
    record Snapshot(long cases, long openCases, long processes, long timers, long auditRows, long auditHeadSeq,
                    String auditHeadHash) {

        static Snapshot of(Database db) throws Exception {
            return new Snapshot(
                    db.count("select count(*) from case_file"),
                    db.count("select count(*) from case_file where status <> 'CLOSED'"),
                    db.count("select count(*) from ACT_RU_EXECUTION where PARENT_ID_ is null"),
                    db.count("select count(*) from ACT_RU_JOB where TYPE_ = 'timer'"),
                    db.count("select count(*) from audit_event"),
                    db.count("select last_seq from audit_head where id = 1"),
                    db.string("select last_hash from audit_head where id = 1"));
        }

        @Override
        public String toString() {
            return cases + " cases (" + openCases + " open), " + processes + " processes, " + timers + " timers, "
                    + auditRows + " audit rows up to seq " + auditHeadSeq;
        }
    }
}
