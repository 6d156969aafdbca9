package vn.childprotection.process;

import java.util.UUID;

/** What the process tells the case file; implemented by the cases feature, called by thin delegates. */
public interface CaseCallbacks {

    /** The commune chair approved closing: the case file is closed. */
    void caseClosed(UUID caseId);

    /** The follow-up visit found the child needs protection again: the case file opens again. */
    void caseReopened(UUID caseId);

    /** Whether the person is, now, a protection worker of the commune who can sign in. */
    boolean worksFor(String communeCode, String username);

    /** A deadline is near: the case timeline shows a reminder about the step. */
    void reminder(UUID caseId, String stepType);

    /** The child went home: the temporary separation ended. */
    void separationEnded(UUID caseId);
}
