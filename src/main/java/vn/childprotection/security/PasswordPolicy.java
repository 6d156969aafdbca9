package vn.childprotection.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.StandardKeyboards;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;

/**
 * What a password chosen by a person must be (NIST SP 800-63B 5.1.1.2): at least 12 characters, at most 72 bytes, not
 * their login, and not easy to guess, as zxcvbn estimates it (common passwords, words and names, keyboard rows,
 * sequences, repeats, dates) with Vietnamese words people use as passwords and the person's own name added to its
 * dictionaries. No rule on kinds of characters: a long phrase is stronger than "Abc@1234".
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    /** bcrypt reads at most 72 bytes; a Vietnamese letter with its accents takes two or three of them in UTF-8. */
    static final int MAX_LENGTH = 72;
    /** zxcvbn's score: 3 is "safely unguessable: moderate protection from offline slow-hash scenario". */
    private static final int MIN_SCORE = 3;
    /** Words Vietnamese passwords are made of, which an English dictionary misses. */
    private static final List<String> VIETNAMESE = List.of("matkhau", "anhyeuem", "emyeuanh", "yeuem", "yeuanh",
            "xinchao", "vietnam", "hanoi", "saigon", "hochiminh", "danang", "haiphong", "baove", "baovetreem", "treem",
            "congan", "ubnd", "phuong", "xa", "tinh", "thanhpho", "nguyen", "tran", "le", "pham", "hoang", "huynh",
            "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "minh", "anh", "linh", "huong", "lan",
            "hoa", "mai", "thu", "thao", "trang", "hung", "dung", "tuan", "nam", "long", "quang", "hieu", "thanh",
            "matkhaumoi", "doimatkhau", "quantri", "admin", "canbo", "chutich", "giamsat");

    private final Zxcvbn zxcvbn;

    PasswordPolicy() {
        try {
            List<Dictionary> dictionaries = new ArrayList<>(StandardDictionaries.loadAllDictionaries());
            dictionaries.add(new Dictionary("vietnamese", VIETNAMESE));
            this.zxcvbn = new ZxcvbnBuilder().dictionaries(dictionaries)
                    .keyboards(StandardKeyboards.loadAllKeyboards()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message key of why the password is refused; empty when it may be used. */
    Optional<String> refusal(String typed, String username, String displayName) {
        String password = typed == null ? null : Passwords.normalised(typed);
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.tooShort");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            return Optional.of("password.tooLong");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("password.containsUsername");
        }
        List<String> own = new ArrayList<>();
        if (username != null) {
            own.add(username);
            own.addAll(List.of(username.split("[._@-]")));
        }
        if (displayName != null) {
            String plain = java.text.Normalizer.normalize(displayName, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D');
            own.addAll(List.of(plain.toLowerCase(Locale.ROOT).split("\\s+")));
            own.add(plain.replaceAll("\\s+", "").toLowerCase(Locale.ROOT));
        }
        if (zxcvbn.measure(password, own).getScore() < MIN_SCORE) {
            return Optional.of("password.easyToGuess");
        }
        return Optional.empty();
    }
}
