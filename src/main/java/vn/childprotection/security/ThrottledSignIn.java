package vn.childprotection.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every password sign-in (the page form and HTTP Basic) goes through the throttle first. A refused,
 * unknown, disabled or wrong sign-in fails the same way, with the same text, after a password hash of
 * the same cost: nothing tells an attacker which accounts exist or which are being slowed down.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private final LoginThrottle throttle;
    private final DaoAuthenticationProvider passwords;
    private final PasswordEncoder encoder;
    /** A hash of nothing anyone types: refused attempts spend the same time as checked ones. */
    private final String dummyHash;

    ThrottledSignIn(LoginThrottle throttle, StaffUserDetailsService users, PasswordEncoder encoder) {
        this.throttle = throttle;
        this.encoder = encoder;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.dummyHash = encoder.encode("no password is this " + java.util.UUID.randomUUID());
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "unknown";
        if (!throttle.reserve(username, address)) {
            encoder.matches("refused", dummyHash);
            throw new BadCredentialsException("refused by the sign-in throttle");
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(authentication);
        } catch (AuthenticationException e) {
            throttle.failed(username, address);
            throw new BadCredentialsException("bad credentials", e);
        }
        throttle.succeeded(username, address);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
