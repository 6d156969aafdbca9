package vn.childprotection.cases;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.childprotection.workflow.CaseCallbacks;

/** What the process tells the case file. */
@Component
class CaseLifecycle implements CaseCallbacks {

    private final JdbcClient jdbc;
    private final Timeline timeline;

    CaseLifecycle(JdbcClient jdbc, Timeline timeline) {
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    @Override
    public void caseClosed(UUID caseId) {
        jdbc.sql("update case_file set status = 'CLOSED', version = version + 1 where id = ?").param(caseId).update();
        timeline.record(caseId, "CASE_CLOSED", null, null);
    }

    @Override
    public void separationEnded(UUID caseId) {
        timeline.record(caseId, "SEPARATION_ENDED", null, null);
    }

    @Override
    public void reminder(UUID caseId, String stepType) {
        timeline.record(caseId, "REMINDER", stepType, null);
    }
}
