package io.zhidu.crm.support;

import io.zhidu.crm.customer.Uscc;
import java.util.Random;

/** Valid 统一社会信用代码 for test customers: a fixed prefix, a random organisation code, both check characters. */
public final class TestUscc {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private TestUscc() {
    }

    /**
     * @param prefix the first eight characters (registration authority, kind, division), e.g. {@code 91310000};
     *               test classes sharing a database use different prefixes or seeds so their codes never collide
     */
    public static String next(Random random, String prefix) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String first17 = prefix + body + Uscc.organisationCheckCharacter(body.toString());
        return first17 + Uscc.checkCharacter(first17);
    }
}
