package vn.childprotection.web;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One field of a page form, read from the form record the API validates (its type, its size limit,
 * whether it is required), so that a page and the API can never disagree about a form.
 * Labels are message keys: {@code field.<name>}, options {@code enum.<Type>.<VALUE>}.
 */
public record FormField(String name, Kind kind, String enumType, List<String> options, int maxLength,
                        boolean required, Long min, Long max) {

    /**
     * DATE_TIME is a local date and time in the business time zone (a {@code LocalDateTime} field); PERSON a login
     * ({@link vn.childprotection.common.Person}) the page offers as a choice of people by name.
     */
    public enum Kind { YES_NO, CHOICE, DATE, DATE_TIME, TEXT, LONG_TEXT, PERSON }

    /** Fields longer than this get a text area. */
    private static final int SHORT_TEXT = 500;

    private static final java.util.regex.Pattern TRAILING_COUNT = java.util.regex.Pattern.compile("\\{(\\d+)(?:,(\\d+))?}$");

    public static List<FormField> of(Class<?> form) {
        if (!form.isRecord()) {
            throw new IllegalArgumentException(form + " is not a record");
        }
        return Arrays.stream(form.getRecordComponents()).map(FormField::of).toList();
    }

    /**
     * Every field of a form laid out by hand (the report form), nested records included, by its path as the
     * page names it ({@code child.fullName}): the page takes its limits from here, never writes them itself.
     */
    public static Map<String, FormField> byPath(Class<?> form) {
        Map<String, FormField> fields = new LinkedHashMap<>();
        collect("", form, fields);
        return fields;
    }

    private static void collect(String prefix, Class<?> form, Map<String, FormField> fields) {
        for (RecordComponent c : form.getRecordComponents()) {
            if (c.getType().isRecord()) {
                collect(prefix + c.getName() + ".", c.getType(), fields);
            } else {
                FormField field = of(c);
                fields.put(prefix + c.getName(), field);
            }
        }
    }

    private static FormField of(RecordComponent c) {
        Class<?> type = c.getType();
        // Bean Validation's annotations do not target record components: they land on the accessor
        var accessor = c.getAccessor();
        boolean required = accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class);
        int max = maxLength(accessor);
        Min min = accessor.getAnnotation(Min.class);
        Max most = accessor.getAnnotation(Max.class);
        Long low = min == null ? null : min.value();
        Long high = most == null ? null : most.value();
        if (type == Boolean.class || type == boolean.class) {
            return new FormField(c.getName(), Kind.YES_NO, null, List.of(), 0, required, null, null);
        }
        if (type.isEnum()) {
            List<String> options = Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            return new FormField(c.getName(), Kind.CHOICE, type.getSimpleName(), options, 0, required, null, null);
        }
        if (accessor.isAnnotationPresent(vn.childprotection.common.Person.class)) {
            return new FormField(c.getName(), Kind.PERSON, null, List.of(), max, required, null, null);
        }
        if (type == LocalDate.class) {
            return new FormField(c.getName(), Kind.DATE, null, List.of(), 0, required, null, null);
        }
        if (type == LocalDateTime.class) {
            return new FormField(c.getName(), Kind.DATE_TIME, null, List.of(), 0, required, null, null);
        }
        return new FormField(c.getName(), max > 0 && max <= SHORT_TEXT ? Kind.TEXT : Kind.LONG_TEXT, null, List.of(),
                max, required, low, high);
    }

    /** The longest text a field takes: its {@code @Size}, or the count its {@code @Pattern} ends with ({12}, {3,30}). */
    private static int maxLength(java.lang.reflect.Method accessor) {
        Size size = accessor.getAnnotation(Size.class);
        if (size != null) {
            return size.max();
        }
        Pattern pattern = accessor.getAnnotation(Pattern.class);
        if (pattern != null) {
            Matcher count = TRAILING_COUNT.matcher(pattern.regexp());
            if (count.find()) {
                return Integer.parseInt(count.group(2) != null ? count.group(2) : count.group(1));
            }
        }
        return 0;
    }

    /** The form's fields as the API's JSON body: blanks left out, yes/no as booleans. */
    public static JsonNode toJson(List<FormField> fields, java.util.function.Function<String, String> values) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (FormField field : fields) {
            String value = values.apply(field.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            if (field.kind() == Kind.YES_NO && (value.equals("true") || value.equals("false"))) {
                body.put(field.name(), Boolean.parseBoolean(value));
            } else {
                body.put(field.name(), value);
            }
        }
        return body;
    }
}
