package vn.childprotection.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The key with which a person's browser encrypts the drafts of their forms (nothing typed is lost when a session
 * expires): the same for that person whenever they sign in to this server, another for anyone else, derived from
 * a secret drawn at start-up and never stored. Someone else at the same computer finds only ciphertext; after a
 * restart of the server the old drafts can no longer be read, which loses a draft, not a secret. Public: the
 * pages ask for it ({@code @draftKeys}).
 */
@Component("draftKeys")
public class DraftKeys {

    private final SecretKeySpec secret;

    DraftKeys() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.secret = new SecretKeySpec(bytes, "HmacSHA256");
    }

    /** The AES-256 key of this person's drafts, base64. */
    public String keyOf(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return Base64.getEncoder().encodeToString(mac.doFinal(("draft:" + username).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
