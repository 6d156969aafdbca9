package vn.childprotection.process;

/** The engine refused a change because another user changed the same work first. */
public class WorkflowConflictException extends RuntimeException {

    public WorkflowConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
