package vn.childprotection.common;

import java.util.List;

/** Input that passed parsing but not the domain's rules; answered 400 with field errors. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldMessage> errors;

    public InvalidInputException(List<FieldMessage> errors) {
        super(errors.toString());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new FieldMessage(field, message)));
    }

    public List<FieldMessage> errors() {
        return errors;
    }
}
