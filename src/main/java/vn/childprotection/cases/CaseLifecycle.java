package vn.childprotection.cases;

import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.childprotection.directory.People;
import vn.childprotection.process.CaseCallbacks;

/** What the process tells the case file. */
@Component
class CaseLifecycle implements CaseCallbacks {

    private final CaseFiles caseFiles;
    private final Timeline timeline;
    private final People people;

    CaseLifecycle(CaseFiles caseFiles, Timeline timeline, People people) {
        this.caseFiles = caseFiles;
        this.timeline = timeline;
        this.people = people;
    }

    @Override
    public boolean worksFor(String communeCode, String username) {
        return username != null && people.workersOf(communeCode).containsKey(username);
    }

    @Override
    public void caseClosed(UUID caseId) {
        CaseFile file = caseFiles.findLockedById(caseId).orElseThrow();
        file.close();
        caseFiles.save(file);
        timeline.record(caseId, "CASE_CLOSED", null, null);
    }

    @Override
    public void caseReopened(UUID caseId) {
        CaseFile file = caseFiles.findLockedById(caseId).orElseThrow();
        file.reopen();
        caseFiles.save(file);
        timeline.record(caseId, "CASE_REOPENED", null, null);
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
