package vn.childprotection.common;

/** Not there, or outside the caller's jurisdiction: the two are answered alike (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
