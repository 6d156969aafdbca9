package vn.childprotection.common;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way code reads a text: in the request's language (Vietnamese by default), the key itself where
 * no text is written. Filters that run before Spring MVC has set the language pass the locale they resolved.
 */
@Component
public class Messages {

    private final MessageSource source;

    Messages(MessageSource source) {
        this.source = source;
    }

    public String text(String key, Object... args) {
        return textIn(LocaleContextHolder.getLocale(), key, args);
    }

    public String textIn(Locale locale, String key, Object... args) {
        return source.getMessage(key, args.length == 0 ? null : args, key, locale);
    }

    /** The text of a key that may have none (a code that is not an enum value, an event without a title). */
    public Optional<String> find(String key, Object... args) {
        return Optional.ofNullable(source.getMessage(key, args.length == 0 ? null : args, null,
                LocaleContextHolder.getLocale()));
    }
}
