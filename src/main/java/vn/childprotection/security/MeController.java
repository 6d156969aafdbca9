package vn.childprotection.security;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    record Me(String username, String displayName, List<String> roles, List<String> communeCodes,
                     List<String> provinceCodes) {
    }

    @GetMapping("/api/me")
    public Me me(@AuthenticationPrincipal StaffPrincipal principal) {
        return new Me(principal.getUsername(), principal.displayName(),
                principal.user().roles().stream().map(Enum::name).sorted().toList(),
                principal.communeCodes().stream().sorted().toList(),
                principal.provinceCodes().stream().sorted().toList());
    }
}
