package vn.childprotection.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.web.PageController;

/** "Đổi mật khẩu": anyone changes their own password; someone with a one-time password is sent here first. */
@PageController
class PasswordPage {

    private final OwnPassword passwords;

    PasswordPage(OwnPassword passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/password")
    String form(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        model.addAttribute("oneTime", user.user().mustChangePassword());
        model.addAttribute("errors", Map.of());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "security/password";
    }

    @PostMapping("/password")
    String change(@AuthenticationPrincipal StaffPrincipal user, @RequestParam(required = false) String currentPassword,
                  @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String repeatPassword, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes flash) {
        List<FieldMessage> problems = passwords.change(user.getUsername(), currentPassword, newPassword,
                repeatPassword == null ? "" : repeatPassword, request, response);
        if (problems.isEmpty()) {
            flash.addFlashAttribute("ok", "password.changed");
            return "redirect:" + SignInPages.homeOf(user);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        problems.forEach(p -> errors.putIfAbsent(p.field(), p.message()));
        model.addAttribute("oneTime", user.user().mustChangePassword());
        model.addAttribute("errors", errors);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        // passwords are never sent back into the page
        return "security/password";
    }
}
