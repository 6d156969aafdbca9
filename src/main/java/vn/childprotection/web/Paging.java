package vn.childprotection.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Checks the {@code page} and {@code size} of a listing: 400 with the field, not a silent correction. */
@Component
public class Paging {

    public static final int MAX_PAGE_SIZE = 200;

    private final MessageSource messages;

    public Paging(MessageSource messages) {
        this.messages = messages;
    }

    public void check(int page, int size) {
        Locale locale = LocaleContextHolder.getLocale();
        if (page < 0) {
            throw new InvalidInputException("page", messages.getMessage("validation.page", null, locale));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", messages.getMessage("validation.size", null, locale));
        }
    }
}
