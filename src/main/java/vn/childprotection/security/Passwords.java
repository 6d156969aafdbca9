package vn.childprotection.security;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords as typed are compared in one Unicode form (NFC): Vietnamese keyboards write "ệ" as one character or as
 * "e" with two accents depending on the device, and the same passphrase must sign in from either. bcrypt reads at
 * most 72 bytes: a longer password typed at sign-in simply does not match (it cannot have been set).
 */
final class Passwords implements PasswordEncoder {

    private static final int BCRYPT_MAX_BYTES = 72;

    private final PasswordEncoder delegate;

    Passwords(PasswordEncoder delegate) {
        this.delegate = delegate;
    }

    static String normalised(CharSequence raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFC);
    }

    @Override
    public String encode(CharSequence raw) {
        return delegate.encode(normalised(raw));
    }

    @Override
    public boolean matches(CharSequence raw, String encoded) {
        if (raw == null) {
            return false;
        }
        String password = normalised(raw);
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            return false;
        }
        return delegate.matches(password, encoded);
    }

    @Override
    public boolean upgradeEncoding(String encoded) {
        return delegate.upgradeEncoding(encoded);
    }
}
