package io.zhidu.crm.customer;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Customer names for matching: the duplicate key (two names are the same customer when their
 * keys are equal) and the grams of the search index.
 *
 * <p>Normalising folds full-width to half-width (NFKC), case, white space and punctuation, and
 * keeps every letter and digit, so "深圳 华为（技术）有限公司" and "深圳华为技术有限公司" match, while
 * "有限公司" and "有限责任公司" stay different (different legal forms are different companies).
 */
public final class CustomerNames {

    /** Marks the end of a name in the gram index, so a 1-character query finds the last character too. */
    static final char END = '\u0001';

    private CustomerNames() {
    }

    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(key::appendCodePoint);
        return key.toString();
    }

    /**
     * The index grams of a name: every pair of neighbouring characters of its key, plus the last
     * character followed by {@link #END}. A 2-character query is one exact gram; a 1-character
     * query is a prefix range over the grams; longer queries need all their pairs.
     */
    public static Set<String> grams(String name) {
        String key = key(name);
        Set<String> grams = new LinkedHashSet<>();
        int[] cps = key.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            String first = new String(Character.toChars(cps[i]));
            grams.add(i + 1 < cps.length ? first + new String(Character.toChars(cps[i + 1])) : first + END);
        }
        return grams;
    }
}
