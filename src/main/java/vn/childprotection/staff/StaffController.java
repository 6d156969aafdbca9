package vn.childprotection.staff;

import java.net.URI;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.childprotection.directory.Directory;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.directory.StaffAccounts.Account;
import vn.childprotection.security.StaffPrincipal;

/**
 * {@code /api/admin/staff}: people, their roles and jurisdictions, for administrators (everyone) and supervisors
 * (their province's commune staff). A one-time password is answered once, never stored readable, never cached.
 */
@RestController
@RequestMapping("/api/admin/staff")
class StaffController {

    /** A person as administrators see them: never a password. */
    record StaffView(String username, String displayName, String title, String email, String phone, String language,
                     boolean enabled, boolean mustChangePassword, boolean locked, List<RoleView> roles) {
    }

    record RoleView(String role, String unitCode, String unitName) {
    }

    record Disabled(String username, boolean enabled, int tasksReleased) {
    }

    private final StaffAdministration staff;
    private final Directory directory;

    StaffController(StaffAdministration staff, Directory directory) {
        this.staff = staff;
        this.directory = directory;
    }

    @GetMapping
    List<StaffView> list(@AuthenticationPrincipal StaffPrincipal me, @RequestParam(required = false) String q) {
        return staff.list(me, q).stream().map(this::view).toList();
    }

    @PostMapping
    ResponseEntity<StaffAdministration.Given> create(@AuthenticationPrincipal StaffPrincipal me,
                                                     @RequestBody StaffForm form) {
        StaffAdministration.Given given = staff.create(me, form);
        return ResponseEntity.created(URI.create("/api/admin/staff/" + given.username()))
                .cacheControl(CacheControl.noStore()).body(given);
    }

    @GetMapping("/{username}")
    StaffView get(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username) {
        return view(staff.get(me, username));
    }

    @PutMapping("/{username}")
    StaffView update(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username,
                     @RequestBody StaffForm form) {
        return view(staff.update(me, username, form));
    }

    @PostMapping("/{username}/disable")
    Disabled disable(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username) {
        return new Disabled(username, false, staff.disable(me, username));
    }

    @PostMapping("/{username}/enable")
    StaffView enable(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username) {
        staff.enable(me, username);
        return view(staff.get(me, username));
    }

    @PostMapping("/{username}/reset-password")
    ResponseEntity<StaffAdministration.Given> resetPassword(@AuthenticationPrincipal StaffPrincipal me,
                                                            @PathVariable String username) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(staff.resetPassword(me, username));
    }

    @PostMapping("/{username}/unlock")
    StaffView unlock(@AuthenticationPrincipal StaffPrincipal me, @PathVariable String username) {
        staff.unlock(me, username);
        return view(staff.get(me, username));
    }

    private StaffView view(Account a) {
        return new StaffView(a.username(), a.displayName(), a.title(), a.email(), a.phone(), a.language(), a.enabled(),
                a.mustChangePassword(), staff.locked(a.username()), a.grants().stream().map(this::role).toList());
    }

    private RoleView role(RoleGrant g) {
        if (g.communeCode() != null) {
            return new RoleView(g.role().name(), g.communeCode(),
                    directory.commune(g.communeCode()).map(c -> c.name() + ", " + c.provinceName()).orElse(null));
        }
        return new RoleView(g.role().name(), g.provinceCode(), g.provinceCode() == null ? null
                : directory.provinceName(g.provinceCode()).orElse(null));
    }
}
