package vn.childprotection.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;

/**
 * The body of POST /api/admin/clients: a system's name (lower case, as a username), what to call it, the communes
 * or provinces it reports for, its scopes and how many requests a minute it may send (60 unless said).
 */
record ClientForm(String name, String displayName, List<String> units, List<String> scopes, Integer requestsPerMinute) {

    /** What a client system may be given: filing reports, reading back the status of the reports it filed. */
    static final Set<String> SCOPES = Set.of("reports:write", "reports:read");
    static final int DEFAULT_RATE = 60;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    /** The form once every field was found right. */
    record Checked(String name, String displayName, List<String> units, List<String> scopes, int requestsPerMinute) {
    }

    /** Checked whole: every wrong field is named at once (400), nothing is stored. */
    Checked checked(Directory directory, Messages messages) {
        List<FieldMessage> errors = new ArrayList<>();
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldMessage("name", messages.text("client.name")));
        }
        String shown = displayName == null ? "" : displayName.strip();
        if (shown.isEmpty() || shown.length() > 200) {
            errors.add(new FieldMessage("displayName", messages.text(shown.isEmpty() ? "validation.required"
                    : "validation.tooLong")));
        }
        Set<String> places = new LinkedHashSet<>(units == null ? List.of() : units);
        if (places.isEmpty() || places.size() > 500) {
            errors.add(new FieldMessage("units", messages.text("client.units")));
        }
        List<String> provinces = directory.provinceCodes();
        for (String unit : places) {
            if (unit == null || (!provinces.contains(unit) && directory.communeInForce(unit).isEmpty())) {
                errors.add(new FieldMessage("units", messages.text("client.unknownUnit", unit)));
            }
        }
        Set<String> granted = new LinkedHashSet<>(scopes == null ? List.of() : scopes);
        if (granted.isEmpty() || granted.contains(null) || !SCOPES.containsAll(granted)) {
            errors.add(new FieldMessage("scopes", messages.text("client.scopes", String.join(", ", SCOPES.stream()
                    .sorted().toList()))));
        }
        int rate = requestsPerMinute == null ? DEFAULT_RATE : requestsPerMinute;
        if (rate < 1 || rate > 10_000) {
            errors.add(new FieldMessage("requestsPerMinute", messages.text("client.rate")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(name, shown, List.copyOf(places), List.copyOf(granted), rate);
    }
}
