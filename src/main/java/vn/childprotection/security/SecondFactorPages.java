package vn.childprotection.security;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpSession;
import vn.childprotection.web.PageController;

/** Enrolling an authenticator app at the first sign-in, and giving its code at every sign-in after. */
@PageController
class SecondFactorPages {

    private static final String PENDING_SECRET = SecondFactorPages.class.getName() + ".secret";

    private final SecondFactor secondFactor;

    SecondFactorPages(SecondFactor secondFactor) {
        this.secondFactor = secondFactor;
    }

    @GetMapping("/second-factor")
    String code(@AuthenticationPrincipal StaffPrincipal user) {
        if (!secondFactor.requiredFor(user)) {
            return "redirect:/";
        }
        return secondFactor.enrolled(user.getUsername()) ? "security/second-factor" : "redirect:/second-factor/enrol";
    }

    @PostMapping("/second-factor")
    String check(@AuthenticationPrincipal StaffPrincipal user, @RequestParam(required = false) String code,
                 HttpSession session, Model model) {
        if (!secondFactor.requiredFor(user)) {
            return "redirect:/";
        }
        if (secondFactor.verify(user.getUsername(), code)) {
            session.setAttribute(SecondFactorFilter.SESSION_DONE, user.getUsername());
            return "redirect:/";
        }
        model.addAttribute("wrong", true);
        return "security/second-factor";
    }

    @GetMapping("/second-factor/enrol")
    String enrol(@AuthenticationPrincipal StaffPrincipal user, HttpSession session, Model model) {
        if (!secondFactor.requiredFor(user)) {
            return "redirect:/";
        }
        if (secondFactor.enrolled(user.getUsername())) {
            return "redirect:/second-factor";
        }
        return showEnrolment(user, session, model);
    }

    @PostMapping("/second-factor/enrol")
    String confirm(@AuthenticationPrincipal StaffPrincipal user, @RequestParam(required = false) String code,
                   HttpSession session, Model model) {
        if (!secondFactor.requiredFor(user)) {
            return "redirect:/";
        }
        if (secondFactor.enrolled(user.getUsername())) {
            return "redirect:/second-factor";
        }
        String secret = (String) session.getAttribute(PENDING_SECRET);
        List<String> recovery = secret == null ? List.of() : secondFactor.enrol(user.getUsername(), secret, code);
        if (recovery.isEmpty()) {
            model.addAttribute("wrong", true);
            return showEnrolment(user, session, model);
        }
        session.removeAttribute(PENDING_SECRET);
        session.setAttribute(SecondFactorFilter.SESSION_DONE, user.getUsername());
        model.addAttribute("recoveryCodes", recovery);
        return "security/recovery-codes";
    }

    private String showEnrolment(StaffPrincipal user, HttpSession session, Model model) {
        String secret = (String) session.getAttribute(PENDING_SECRET);
        if (secret == null) {
            secret = secondFactor.newSecret();
            session.setAttribute(PENDING_SECRET, secret);
        }
        model.addAttribute("secret", secret);
        model.addAttribute("qrCode", secondFactor.qrCode(secret, user.getUsername()));
        return "security/enrol";
    }
}
