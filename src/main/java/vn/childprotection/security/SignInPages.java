package vn.childprotection.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;

import vn.childprotection.directory.Role;
import vn.childprotection.web.PageController;

/** The sign-in page, and after it each role's own starting page. */
@PageController
class SignInPages {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffPrincipal user) {
        return "redirect:" + homeOf(user);
    }

    /** Where each role starts. */
    static String homeOf(StaffPrincipal user) {
        if (user.hasRole(Role.SUPERVISOR)) {
            return "/oversight";
        }
        if (user.hasRole(Role.WORKER) || user.hasRole(Role.CHAIR) || user.hasRole(Role.POLICE)
                || user.hasRole(Role.POLICE_SUPERVISOR)) {
            return "/tasks";
        }
        if (user.hasRole(Role.INTAKE)) {
            return "/reports/new";
        }
        return "/camunda/app/cockpit/default/";
    }
}
