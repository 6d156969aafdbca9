package vn.childprotection.staff;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.childprotection.audit.AuditTrail;
import vn.childprotection.common.ConflictException;
import vn.childprotection.common.FieldMessage;
import vn.childprotection.common.InvalidInputException;
import vn.childprotection.common.Messages;
import vn.childprotection.common.NotFoundException;
import vn.childprotection.directory.Commune;
import vn.childprotection.directory.Directory;
import vn.childprotection.directory.Role;
import vn.childprotection.directory.RoleGrant;
import vn.childprotection.directory.StaffAccounts;
import vn.childprotection.directory.StaffAccounts.Account;
import vn.childprotection.process.CaseWorkflow;
import vn.childprotection.security.LoginThrottle;
import vn.childprotection.security.StaffPrincipal;

/**
 * Who may manage whom, and each action with its audit row. Administrators manage everyone. A supervisor sees the
 * people holding a role in their province and manages those whose every role is a commune role (worker, chair,
 * police) of one of its communes; anyone else they see they may not change (403), anyone outside it does not exist
 * for them (404). Nobody disables themselves or takes their own administration away.
 */
@Service
class StaffAdministration {

    /** A one-time password and the person it is for, shown once. */
    record Given(String username, String oneTimePassword) {

        @Override
        public String toString() {
            return "Given[" + username + ", …]";
        }
    }

    /** Letters and digits nobody confuses when reading them aloud or off a screen (no 0/O, 1/l/I). */
    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int ONE_TIME_LENGTH = 16;

    private final StaffAccounts accounts;
    private final Directory directory;
    private final PasswordEncoder encoder;
    private final LoginThrottle throttle;
    private final CaseWorkflow workflow;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Messages messages;
    private final StaffReach reach;
    private final SecureRandom random = new SecureRandom();

    StaffAdministration(StaffAccounts accounts, Directory directory, PasswordEncoder encoder, LoginThrottle throttle,
                        CaseWorkflow workflow, AuditTrail audit, TransactionTemplate tx, Messages messages,
                        StaffReach reach) {
        this.reach = reach;
        this.accounts = accounts;
        this.directory = directory;
        this.encoder = encoder;
        this.throttle = throttle;
        this.workflow = workflow;
        this.audit = audit;
        this.tx = tx;
        this.messages = messages;
    }

    /** The people the manager sees, by name; {@code q} matches the name or login. */
    List<Account> list(StaffPrincipal manager, String q) {
        return accounts.accounts(admin(manager) ? null : List.copyOf(StaffReach.supervised(manager)), q, 500);
    }

    Account get(StaffPrincipal manager, String username) {
        return accounts.account(username).filter(a -> reach.sees(manager, a))
                .orElseThrow(() -> new NotFoundException("no such person: " + username));
    }

    boolean locked(String username) {
        return throttle.locked(username);
    }

    Given create(StaffPrincipal manager, StaffForm form) {
        List<FieldMessage> errors = new ArrayList<>();
        List<RoleGrant> grants = form.check(true, directory, messages, errors);
        String username = form.cleanUsername();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // before telling whether a login is taken: a supervisor of another province learns nothing of its people
        mayGrant(manager, grants);
        if (accounts.exists(username)) {
            throw new InvalidInputException("username", messages.text("staff.usernameTaken"));
        }
        String password = oneTimePassword();
        tx.executeWithoutResult(s -> {
            stillInForce(grants);
            accounts.create(username, form.details(), encoder.encode(password), grants);
            audit.record("STAFF_CREATED", null, username + ": " + describe(grants));
        });
        return new Given(username, password);
    }

    /** New details and roles; the tasks the person holds that their new roles no longer reach go back to their groups. */
    Account update(StaffPrincipal manager, String username, StaffForm form) {
        Account before = manageable(manager, username);
        List<FieldMessage> errors = new ArrayList<>();
        List<RoleGrant> grants = form.check(false, directory, messages, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        mayGrant(manager, grants);
        if (self(manager, username) && !Set.copyOf(before.grants()).equals(Set.copyOf(grants))) {
            // nobody gives themselves a role (an administrator a case role) or takes their own administration away
            throw new ConflictException(messages.text("staff.ownRoles"));
        }
        tx.executeWithoutResult(s -> {
            stillInForce(grants);
            if (grants.stream().noneMatch(g -> g.role() == Role.ADMIN)) {
                keepAnAdministrator(username);
            }
            accounts.update(username, form.details(), grants);
            int released = workflow.releaseTasks(username,
                    grants.stream().map(RoleGrant::group).collect(Collectors.toUnmodifiableSet()));
            audit.record("STAFF_CHANGED", null, username + ": " + describe(grants)
                    + (released > 0 ? "; " + released + " task(s) back to their group" : ""));
        });
        return accounts.account(username).orElseThrow();
    }

    /** The communes read again, locked, where the roles are stored: one a merge retired meanwhile takes no role. */
    private void stillInForce(List<RoleGrant> grants) {
        for (RoleGrant grant : grants) {
            if (grant.communeCode() != null && directory.communeInForce(grant.communeCode()).isEmpty()) {
                throw new InvalidInputException("roles", messages.text("staff.communeNeeded"));
            }
        }
    }

    /** The person can no longer sign in (their sessions end at their next request); the tasks they held go back. */
    int disable(StaffPrincipal manager, String username) {
        manageable(manager, username);
        if (self(manager, username)) {
            throw new ConflictException(messages.text("staff.notYourself"));
        }
        return tx.execute(s -> {
            keepAnAdministrator(username);
            accounts.setEnabled(username, false);
            int released = workflow.releaseTasks(username, Set.of());
            audit.record("STAFF_DISABLED", null, username + ": " + released + " task(s) back to their group");
            return released;
        });
    }

    void enable(StaffPrincipal manager, String username) {
        manageable(manager, username);
        tx.executeWithoutResult(s -> {
            accounts.setEnabled(username, true);
            audit.record("STAFF_ENABLED", null, username);
        });
    }

    /** A new one-time password (the old one stops working, sessions end, sign-in is unlocked). */
    Given resetPassword(StaffPrincipal manager, String username) {
        manageable(manager, username);
        if (self(manager, username)) {
            throw new ConflictException(messages.text("staff.ownPassword"));
        }
        String password = oneTimePassword();
        tx.executeWithoutResult(s -> {
            accounts.setPassword(username, encoder.encode(password), true);
            throttle.unlock(username);
            audit.record("STAFF_PASSWORD_RESET", null, username);
        });
        return new Given(username, password);
    }

    void unlock(StaffPrincipal manager, String username) {
        manageable(manager, username);
        tx.executeWithoutResult(s -> {
            throttle.unlock(username);
            audit.record("STAFF_UNLOCKED", null, username);
        });
    }

    /** Refuses (409) a change that would leave no administrator who can sign in; the administrators' rows locked. */
    private void keepAnAdministrator(String leaving) {
        List<String> others = accounts.enabledAdministrators().stream().filter(a -> !a.equals(leaving)).toList();
        if (others.isEmpty()) {
            throw new ConflictException(messages.text("staff.lastAdministrator"));
        }
    }

    /** The communes a supervisor may give roles in, or all (null) for an administrator. */
    List<Commune> communesFor(StaffPrincipal manager) {
        return directory.communes().stream()
                .filter(c -> admin(manager) || StaffReach.supervised(manager).contains(c.provinceCode())).toList();
    }

    static boolean admin(StaffPrincipal manager) {
        return manager.hasRole(Role.ADMIN);
    }

    private Account manageable(StaffPrincipal manager, String username) {
        Account account = get(manager, username);
        if (!admin(manager) && !account.grants().stream().allMatch(g -> reach.supervisorMayGrant(manager, g))) {
            throw new AccessDeniedException("not a commune person of the supervisor's province");
        }
        return account;
    }

    private void mayGrant(StaffPrincipal manager, List<RoleGrant> grants) {
        if (!admin(manager) && !grants.stream().allMatch(g -> reach.supervisorMayGrant(manager, g))) {
            throw new AccessDeniedException("a supervisor gives commune roles of their own province only");
        }
    }

    private static boolean self(StaffPrincipal manager, String username) {
        return manager.getUsername().equals(username);
    }

    private String oneTimePassword() {
        StringBuilder password = new StringBuilder(ONE_TIME_LENGTH);
        for (int i = 0; i < ONE_TIME_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    private static String describe(List<RoleGrant> grants) {
        return grants.stream().map(g -> g.role() + (g.communeCode() != null ? " " + g.communeCode()
                : g.provinceCode() != null ? " " + g.provinceCode() : "")).collect(Collectors.joining(", "));
    }
}
