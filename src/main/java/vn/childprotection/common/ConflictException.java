package vn.childprotection.common;

/** The request clashes with what someone else did first (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
