package vn.childprotection.staff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.childprotection.common.ConflictException;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.directory.StaffAccounts.Account;
import vn.childprotection.security.StaffPrincipal;
import vn.childprotection.web.PageController;

/** "Cán bộ": the staff pages of administrators and supervisors, the same rules as {@link StaffController}. */
@PageController
class StaffPages {

    /** Empty role rows under a person's roles, for roles to add. */
    private static final int NEW_ROWS = 2;

    private final StaffAdministration staff;

    StaffPages(StaffAdministration staff) {
        this.staff = staff;
    }

    @GetMapping("/admin/staff")
    String list(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String q, Model model) {
        List<Account> people = staff.list(me, q);
        model.addAttribute("people", people);
        model.addAttribute("q", q == null ? "" : q);
        Map<String, Boolean> locked = new LinkedHashMap<>();
        people.forEach(p -> locked.put(p.username(), staff.locked(p.username())));
        model.addAttribute("locked", locked);
        return "staff/list";
    }

    @GetMapping("/admin/staff/new")
    String newPerson(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return form(me, model, true, null, new StaffForm("", "", "", "", "", "vi", List.of()), Map.of());
    }

    @PostMapping("/admin/staff")
    String create(@AuthenticationPrincipal StaffPrincipal me, @RequestParam MultiValueMap<String, String> fields,
                  Model model, RedirectAttributes flash) {
        StaffForm form = read(fields, null);
        try {
            StaffAdministration.Given given = staff.create(me, form);
            flash.addFlashAttribute("given", given.oneTimePassword());
            flash.addFlashAttribute("ok", "staff.created");
            return "redirect:/admin/staff/" + given.username();
        } catch (InvalidInputException e) {
            return form(me, model, true, null, form, errors(e));
        }
    }

    @GetMapping("/admin/staff/{username}")
    String person(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username, Model model) {
        Account account = staff.get(me, username);
        List<StaffForm.RoleEntry> roles = new ArrayList<>();
        account.grants().forEach(g -> roles.add(new StaffForm.RoleEntry(g.role().name(), unit(g))));
        return form(me, model, false, account, new StaffForm(account.username(), account.displayName(), account.title(),
                account.email(), account.phone(), account.language(), roles), Map.of());
    }

    @PostMapping("/admin/staff/{username}")
    String update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username,
                  @RequestParam MultiValueMap<String, String> fields, Model model, RedirectAttributes flash) {
        Account account = staff.get(me, username);
        StaffForm form = read(fields, username);
        try {
            staff.update(me, username, form);
            flash.addFlashAttribute("ok", "staff.saved");
            return "redirect:/admin/staff/" + username;
        } catch (InvalidInputException e) {
            return form(me, model, false, account, form, errors(e));
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
            return "redirect:/admin/staff/" + username;
        }
    }

    @PostMapping("/admin/staff/{username}/disable")
    String disable(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username, RedirectAttributes flash) {
        return act(username, flash, () -> {
            int released = staff.disable(me, username);
            flash.addFlashAttribute("ok", "staff.disabled");
            flash.addFlashAttribute("okArg", released);
        });
    }

    @PostMapping("/admin/staff/{username}/enable")
    String enable(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username, RedirectAttributes flash) {
        return act(username, flash, () -> {
            staff.enable(me, username);
            flash.addFlashAttribute("ok", "staff.enabled");
        });
    }

    @PostMapping("/admin/staff/{username}/reset-password")
    String resetPassword(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username,
                         RedirectAttributes flash) {
        return act(username, flash, () -> {
            flash.addFlashAttribute("given", staff.resetPassword(me, username).oneTimePassword());
            flash.addFlashAttribute("ok", "staff.passwordReset");
        });
    }

    @PostMapping("/admin/staff/{username}/unlock")
    String unlock(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username, RedirectAttributes flash) {
        return act(username, flash, () -> {
            staff.unlock(me, username);
            flash.addFlashAttribute("ok", "staff.unlocked");
        });
    }

    private String act(String username, RedirectAttributes flash, Runnable action) {
        try {
            action.run();
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/staff/" + username;
    }

    private String form(StaffPrincipal me, Model model, boolean creating, Account account, StaffForm form,
                        Map<String, String> errors) {
        List<StaffForm.RoleEntry> rows = new ArrayList<>(form.roles() == null ? List.of() : form.roles());
        rows.removeIf(r -> (r.role() == null || r.role().isBlank()) && (r.unitCode() == null || r.unitCode().isBlank()));
        for (int i = 0; i < NEW_ROWS; i++) {
            rows.add(new StaffForm.RoleEntry("", ""));
        }
        model.addAttribute("creating", creating);
        model.addAttribute("account", account);
        model.addAttribute("form", form);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        model.addAttribute("locked", account != null && staff.locked(account.username()));
        model.addAttribute("self", account != null && account.username().equals(me.getUsername()));
        boolean admin = StaffAdministration.admin(me);
        model.addAttribute("roleChoices", admin ? List.of(Role.values())
                : List.of(Role.WORKER, Role.CHAIR, Role.POLICE));
        // a supervisor picks among their province's communes; an administrator types any unit's code
        model.addAttribute("communes", admin ? List.of() : staff.communesFor(me));
        return "staff/form";
    }

    private static StaffForm read(MultiValueMap<String, String> fields, String username) {
        List<String> roles = fields.getOrDefault("role", List.of());
        List<String> units = fields.getOrDefault("unitCode", List.of());
        List<StaffForm.RoleEntry> entries = new ArrayList<>();
        for (int i = 0; i < Math.max(roles.size(), units.size()); i++) {
            String role = i < roles.size() ? roles.get(i) : "";
            String unit = i < units.size() ? units.get(i) : "";
            // the form's empty rows are no roles
            if (!role.isBlank() || !unit.isBlank()) {
                entries.add(new StaffForm.RoleEntry(role, unit));
            }
        }
        return new StaffForm(username != null ? username : fields.getFirst("username"), fields.getFirst("displayName"),
                fields.getFirst("title"), fields.getFirst("email"), fields.getFirst("phone"), fields.getFirst("language"),
                entries);
    }

    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        return errors;
    }

    private static String unit(RoleGrant g) {
        return g.communeCode() != null ? g.communeCode() : g.provinceCode() != null ? g.provinceCode() : "";
    }
}
