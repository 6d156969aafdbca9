package vn.childprotection.tasks;

/** A task form body whose values do not fit the form's fields. */
class UnreadableFormException extends RuntimeException {

    UnreadableFormException(Throwable cause) {
        super(cause.getMessage(), cause);
    }
}
