package vn.childprotection.common;

import java.util.UUID;

/**
 * Something happened to a case that its people should hear of without looking (issue 14, "things that happened
 * to my case"), published in the transaction that makes it happen. Told to {@code username} when one person is
 * concerned, else to the workers of {@code communeCode}. It names the case and what happened, never its content.
 */
public record CaseNews(What what, UUID caseId, String caseNumber, String communeCode, String username) {

    public enum What {
        /** The chair sent the support plan back: to the worker who drafted it. */
        PLAN_SENT_BACK,
        /** The police reported on their investigation: to the commune's workers. */
        POLICE_OUTCOME,
        /** The child moved here: to the receiving commune's workers. */
        CASE_MOVED_IN,
        /** The child moved away: to the workers of the commune the case left. */
        CASE_MOVED_OUT,
        /** An item of the plan passed its day without being delivered: to the commune's workers. */
        PLAN_ITEM_OVERDUE
    }
}
