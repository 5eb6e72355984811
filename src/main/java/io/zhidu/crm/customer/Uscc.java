package io.zhidu.crm.customer;

import java.util.Locale;

/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015: 18 characters from the
 * alphabet {@code 0-9 A-H J-N P-R T U W-Y}; characters 9–17 are the organisation code of
 * GB 11714 with its own check digit; character 18 checks the first 17 (weights 3^(i-1) mod 31).
 */
public final class Uscc {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    /** Why a code is not valid; null for a valid one. */
    public enum Problem {
        LENGTH, CHARACTER, ORGANISATION_CODE, CHECK_DIGIT
    }

    private Uscc() {
    }

    /** Upper case, without spaces; the form codes are stored and compared in. */
    public static String normalise(String code) {
        return code == null ? null : code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }

    /** The problem with an already normalised code, or null when it is valid. */
    public static Problem check(String code) {
        if (code == null || code.length() != 18) {
            return Problem.LENGTH;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(code.charAt(i));
            if (v < 0) {
                return Problem.CHARACTER;
            }
            sum += v * WEIGHTS[i];
        }
        if (ALPHABET.indexOf(code.charAt(17)) < 0) {
            return Problem.CHARACTER;
        }
        if (!organisationCodeValid(code.substring(8, 17))) {
            return Problem.ORGANISATION_CODE;
        }
        int check = (31 - sum % 31) % 31;
        return ALPHABET.charAt(check) == code.charAt(17) ? null : Problem.CHECK_DIGIT;
    }

    /** The check character for 17 characters (for generating test and demo data). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The GB 11714 check character for an 8-character organisation code body. */
    public static char organisationCheckCharacter(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    private static boolean organisationCodeValid(String org) {
        String body = org.substring(0, 8);
        for (int i = 0; i < 8; i++) {
            char c = body.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'Z')) {
                return false;
            }
        }
        return organisationCheckCharacter(body) == org.charAt(8);
    }
}
