package vn.childprotection.common;

/** An upload or body over its configured limit; answered 413 with the limit in megabytes. */
public class TooLargeException extends RuntimeException {

    private final long maxBytes;

    public TooLargeException(long maxBytes) {
        super("larger than " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
