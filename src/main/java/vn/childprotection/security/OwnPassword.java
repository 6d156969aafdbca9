package vn.childprotection.security;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.Messages;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.StaffAccounts;
import vn.childprotection.directory.StaffUser;

/**
 * A person changes their own password: the current one first (checked through the sign-in throttle, so this is no
 * way around it to guess), then a new one the policy accepts. A one-time password is done with; the session goes
 * on with the new password, and the person's other sessions end at their next request.
 */
@Service
class OwnPassword {

    private final Directory directory;
    private final StaffAccounts accounts;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Messages messages;

    OwnPassword(Directory directory, StaffAccounts accounts, PasswordEncoder encoder, PasswordPolicy policy,
                LoginThrottle throttle, AuditTrail audit, TransactionTemplate tx, Messages messages) {
        this.directory = directory;
        this.accounts = accounts;
        this.encoder = encoder;
        this.policy = policy;
        this.throttle = throttle;
        this.audit = audit;
        this.tx = tx;
        this.messages = messages;
    }

    /** Changes the password, or answers what is wrong field by field (nothing changed then). */
    List<FieldMessage> change(String username, String current, String next, String repeated,
                              HttpServletRequest request, HttpServletResponse response) {
        List<FieldMessage> errors = new ArrayList<>();
        StaffUser user = directory.user(username).orElseThrow();
        if (current == null || current.isEmpty()) {
            errors.add(new FieldMessage("currentPassword", messages.text("validation.required")));
        }
        if (next == null || next.isEmpty()) {
            errors.add(new FieldMessage("newPassword", messages.text("validation.required")));
        } else {
            policy.refusal(next, username, user.displayName())
                    .ifPresent(key -> errors.add(new FieldMessage("newPassword",
                            messages.text(key, PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH))));
            if (repeated != null && !repeated.equals(next)) {
                errors.add(new FieldMessage("repeatPassword", messages.text("password.notRepeated")));
            }
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        String address = request.getRemoteAddr();
        if (!throttle.reserve(username, address)) {
            encoder.matches(current, user.passwordHash());
            return List.of(new FieldMessage("currentPassword", messages.text("password.wrongCurrent")));
        }
        if (!encoder.matches(current, user.passwordHash())) {
            throttle.failed(username, address);
            return List.of(new FieldMessage("currentPassword", messages.text("password.wrongCurrent")));
        }
        throttle.succeeded(username, address);
        if (encoder.matches(next, user.passwordHash())) {
            return List.of(new FieldMessage("newPassword", messages.text("password.sameAsCurrent")));
        }
        tx.executeWithoutResult(s -> {
            accounts.setPassword(username, encoder.encode(next), false);
            audit.record("PASSWORD_CHANGED", null, "own password");
        });
        // this session goes on as the person now is, under a new id; any other ends at its next request
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        new AccountCheckFilter.SessionPrincipal().replace(directory.user(username).orElseThrow(), request, response);
        return List.of();
    }
}
