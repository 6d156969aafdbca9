package vn.childprotection.security;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;

@RestController
class MeController {

    record Me(String username, String displayName, List<String> roles, List<String> communeCodes,
                     List<String> provinceCodes, boolean mustChangePassword) {
    }

    /** {@code POST /api/me/password}: the current password and the new one. */
    record PasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "PasswordChange[…]";
        }
    }

    private final OwnPassword passwords;

    MeController(OwnPassword passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/api/me")
    public Me me(@AuthenticationPrincipal StaffPrincipal principal) {
        return new Me(principal.getUsername(), principal.displayName(),
                principal.user().roles().stream().map(Enum::name).sorted().toList(),
                principal.communeCodes().stream().sorted().toList(),
                principal.provinceCodes().stream().sorted().toList(),
                principal.user().mustChangePassword());
    }

    /** 204 once changed; 400 with the field that is wrong (the current password, or the new one's rule). */
    @PostMapping("/api/me/password")
    public ResponseEntity<Void> changePassword(@AuthenticationPrincipal StaffPrincipal principal,
                                               @RequestBody PasswordChange change, HttpServletRequest request,
                                               HttpServletResponse response) {
        List<FieldMessage> problems = passwords.change(principal.getUsername(), change.currentPassword(),
                change.newPassword(), null, request, response);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return ResponseEntity.noContent().build();
    }
}
