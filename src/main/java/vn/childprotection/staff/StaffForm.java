package vn.childprotection.staff;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.directory.StaffAccounts;

/**
 * A person as an administrator enters them ({@code POST /api/admin/staff}, {@code PUT …/{username}}, the pages), and
 * the rules it must keep: a login of lower-case letters, digits, dot, dash or underscore; a name; an address and a
 * mobile that look like one; at least one role, each with the unit it needs (a commune for commune roles, a
 * province for supervisors, none for intake officers and administrators).
 */
record StaffForm(String username, String displayName, String title, String email, String phone, String language,
                 List<RoleEntry> roles) {

    /** One role and the code of its unit ({@code unitCode}: a commune, a province, or none). */
    record RoleEntry(String role, String unitCode) {
    }

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]{1,64}@[^\\s@]+\\.[^\\s@]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .-]{9,20}");

    String cleanUsername() {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    StaffAccounts.Details details() {
        return new StaffAccounts.Details(clean(displayName), blankToNull(title), blankToNull(email), blankToNull(phone),
                "en".equals(clean(language)) ? "en" : "vi");
    }

    /** What is wrong, field by field; the grants when nothing is. */
    List<RoleGrant> check(boolean creating, Directory directory, Messages messages, List<FieldMessage> errors) {
        if (creating && !USERNAME.matcher(cleanUsername()).matches()) {
            errors.add(new FieldMessage("username", messages.text("staff.usernameRule")));
        }
        StaffAccounts.Details d = details();
        if (d.displayName().isEmpty()) {
            errors.add(new FieldMessage("displayName", messages.text("validation.required")));
        } else if (d.displayName().length() > 200) {
            errors.add(new FieldMessage("displayName", messages.text("validation.tooLong", 200)));
        }
        if (d.title() != null && d.title().length() > 200) {
            errors.add(new FieldMessage("title", messages.text("validation.tooLong", 200)));
        }
        if (d.email() != null && (d.email().length() > 254 || !EMAIL.matcher(d.email()).matches())) {
            errors.add(new FieldMessage("email", messages.text("validation.email")));
        }
        if (d.phone() != null && !PHONE.matcher(d.phone()).matches()) {
            errors.add(new FieldMessage("phone", messages.text("validation.phone")));
        }
        Set<RoleGrant> grants = new LinkedHashSet<>();
        List<RoleEntry> entries = roles == null ? List.of() : roles;
        for (int i = 0; i < entries.size(); i++) {
            RoleEntry entry = entries.get(i);
            String field = "roles[" + i + "]";
            String roleName = entry == null || entry.role() == null ? "" : entry.role().strip();
            String unit = entry == null || entry.unitCode() == null ? "" : entry.unitCode().strip();
            if (roleName.isEmpty() && unit.isEmpty()) {
                continue;
            }
            Role role;
            try {
                role = Role.valueOf(roleName);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldMessage(field + ".role", messages.text("staff.unknownRole")));
                continue;
            }
            switch (role) {
                case WORKER, CHAIR, POLICE -> {
                    if (directory.communeInForce(unit).isEmpty()) {
                        errors.add(new FieldMessage(field + ".unitCode", messages.text("staff.communeNeeded")));
                    } else {
                        grants.add(new RoleGrant(role, unit, null));
                    }
                }
                case SUPERVISOR, POLICE_SUPERVISOR -> {
                    if (!directory.provinceCodes().contains(unit)) {
                        errors.add(new FieldMessage(field + ".unitCode", messages.text("staff.provinceNeeded")));
                    } else {
                        grants.add(new RoleGrant(role, null, unit));
                    }
                }
                case INTAKE, ADMIN -> {
                    if (!unit.isEmpty()) {
                        errors.add(new FieldMessage(field + ".unitCode", messages.text("staff.noUnit")));
                    } else {
                        grants.add(new RoleGrant(role, null, null));
                    }
                }
            }
        }
        if (grants.isEmpty() && errors.stream().noneMatch(e -> e.field().startsWith("roles"))) {
            errors.add(new FieldMessage("roles", messages.text("staff.roleNeeded")));
        }
        // administrators see no case: an administrator holds no other role
        if (grants.size() > 1 && grants.stream().anyMatch(g -> g.role() == Role.ADMIN)) {
            errors.add(new FieldMessage("roles", messages.text("staff.adminAlone")));
        }
        return new ArrayList<>(grants);
    }

    private static String clean(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
