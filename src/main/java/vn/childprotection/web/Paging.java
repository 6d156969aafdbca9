package vn.childprotection.web;

import org.springframework.stereotype.Component;

import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;

/** Checks the {@code page} and {@code size} of a listing: 400 with the field, not a silent correction. */
@Component
public class Paging {

    public static final int MAX_PAGE_SIZE = 200;

    private final Messages messages;

    Paging(Messages messages) {
        this.messages = messages;
    }

    public void check(int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", messages.text("validation.page"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", messages.text("validation.size"));
        }
    }
}
