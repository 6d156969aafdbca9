package vn.childprotection.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a person may choose as a password, and why not when not. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shortPasswordsAreRefusedWhateverTheyContain() {
        assertThat(policy.refusal("Xk9#vQ2!mZ", "worker.a", "Nguyễn Thị An")).contains("password.tooShort");
        // counted in characters as people type them, not in bytes (these are 11 characters, 16 bytes)
        assertThat(policy.refusal("Đường về xa", "worker.a", "Nguyễn Thị An")).contains("password.tooShort");
    }

    @Test
    void commonPasswordsKeyboardRowsAndSequencesAreRefused() {
        assertThat(policy.refusal("password123456", "worker.a", "Nguyễn Thị An")).contains("password.easyToGuess");
        assertThat(policy.refusal("qwertyuiop123", "worker.a", "Nguyễn Thị An")).contains("password.easyToGuess");
        assertThat(policy.refusal("123456789012", "worker.a", "Nguyễn Thị An")).contains("password.easyToGuess");
        assertThat(policy.refusal("aaaaaaaaaaaaaa", "worker.a", "Nguyễn Thị An")).contains("password.easyToGuess");
        assertThat(policy.refusal("matkhau123456", "worker.a", "Nguyễn Thị An")).contains("password.easyToGuess");
        assertThat(policy.refusal("anhyeuem12345", "worker.a", "Nguyễn Thị An")).contains("password.easyToGuess");
    }

    @Test
    void theLoginAndThePersonsOwnNameAreRefused() {
        assertThat(policy.refusal("worker.a2026xyz", "worker.a", "Nguyễn Thị An")).contains("password.containsUsername");
        assertThat(policy.refusal("NguyenThiAn2026", "worker.a", "Nguyễn Thị An")).contains("password.easyToGuess");
    }

    @Test
    void aLongPhraseIsAcceptedAndSoIsARandomOneTimePassword() {
        assertThat(policy.refusal("Ba con mèo trèo cây cau năm 2026", "worker.a", "Nguyễn Thị An")).isEmpty();
        assertThat(policy.refusal("ngựa ô phi qua cầu tre", "worker.a", "Nguyễn Thị An")).isEmpty();
        assertThat(policy.refusal("Kp7mWq3xTz9Rb4Hn", "worker.a", "Nguyễn Thị An")).isEmpty();
    }

    @Test
    void overlongPasswordsAreRefusedByTheBytesBcryptReads() {
        // 61 characters, many with accents: 83 bytes in UTF-8, over the 72 bcrypt reads
        assertThat(policy.refusal("Những ngày ấy, trời Hà Nội mưa phùn, gió mùa đông bắc thổi về", "worker.a", "Nguyễn Thị An"))
                .contains("password.tooLong");
        assertThat(policy.refusal("x".repeat(73), "worker.a", "Nguyễn Thị An")).contains("password.tooLong");
    }

    @Test
    void aPassphraseTypedWithCombiningAccentsSignsInAsTheOneTypedWithPrecomposedLetters() {
        Passwords passwords = new Passwords(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4));
        String precomposed = java.text.Normalizer.normalize("Cây đa giếng nước sân đình", java.text.Normalizer.Form.NFC);
        String combining = java.text.Normalizer.normalize(precomposed, java.text.Normalizer.Form.NFD);
        assertThat(combining).isNotEqualTo(precomposed);
        assertThat(passwords.matches(combining, passwords.encode(precomposed))).isTrue();
        assertThat(passwords.matches(precomposed, passwords.encode(combining))).isTrue();
        assertThat(passwords.matches("y".repeat(200), passwords.encode(precomposed))).as("no error, no match").isFalse();
    }
}
