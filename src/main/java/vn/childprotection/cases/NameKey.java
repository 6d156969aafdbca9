package vn.childprotection.cases;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** A name as the case register searches it: lower case, without diacritics (đ as d), single spaces. */
final class NameKey {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private NameKey() {
    }

    static String of(String name) {
        if (name == null) {
            return null;
        }
        String bare = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'D');
        return SPACES.matcher(bare.toLowerCase(Locale.ROOT).strip()).replaceAll(" ");
    }
}
