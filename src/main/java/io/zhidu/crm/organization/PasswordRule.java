package io.zhidu.crm.organization;

import io.zhidu.crm.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The password rule (configurable): a minimum length and, by default, at least one letter and
 * one digit. Applied whenever a password is chosen or set.
 */
@Component
public class PasswordRule {

    private final int minLength;
    private final boolean letterAndDigit;

    PasswordRule(@Value("${zhidu.security.password.min-length:8}") int minLength,
                 @Value("${zhidu.security.password.require-letter-and-digit:true}") boolean letterAndDigit) {
        this.minLength = minLength;
        this.letterAndDigit = letterAndDigit;
    }

    public int minLength() {
        return minLength;
    }

    public boolean requiresLetterAndDigit() {
        return letterAndDigit;
    }

    /** @throws DomainException on {@code field} when the password breaks the rule */
    public void check(String field, String password) {
        if (password == null || password.length() < minLength) {
            throw DomainException.invalid(field, "password.tooShort", minLength);
        }
        // bcrypt reads at most 72 bytes; longer passwords are refused, not silently cut
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw DomainException.invalid(field, "password.tooLong");
        }
        if (letterAndDigit && (password.chars().noneMatch(Character::isLetter) || password.chars().noneMatch(Character::isDigit))) {
            throw DomainException.invalid(field, "password.letterAndDigit");
        }
    }
}
