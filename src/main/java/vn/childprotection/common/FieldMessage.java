package vn.childprotection.common;

/** One invalid field of a request, as in the {@code errors} member of a problem detail. */
public record FieldMessage(String field, String message) {
}
