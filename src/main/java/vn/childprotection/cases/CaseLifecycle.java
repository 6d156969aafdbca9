package vn.childprotection.cases;

import java.util.UUID;

import org.springframework.stereotype.Component;

import vn.childprotection.directory.Directory;
import vn.childprotection.directory.People;
import vn.childprotection.process.CaseCallbacks;

/** What the process tells the case file. */
@Component
class CaseLifecycle implements CaseCallbacks {

    private final CaseFiles caseFiles;
    private final Timeline timeline;
    private final People people;
    private final Directory directory;

    CaseLifecycle(CaseFiles caseFiles, Timeline timeline, People people, Directory directory) {
        this.caseFiles = caseFiles;
        this.timeline = timeline;
        this.people = people;
        this.directory = directory;
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
        timeline.record(caseId, "CASE_REOPENED", null, null);
        // closed in a commune since merged into another: it is reopened where its staff now are
        String now = directory.current(file.communeCode());
        if (!now.equals(file.communeCode())) {
            String was = file.communeCode();
            file.transfer(now, directory.commune(now).orElseThrow().provinceCode());
            timeline.record(caseId, "UNIT_MERGED", was + " → " + now, null);
        }
        caseFiles.save(file);
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
