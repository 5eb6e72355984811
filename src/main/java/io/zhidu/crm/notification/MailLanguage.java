package io.zhidu.crm.notification;

import java.util.Locale;

/** The language a user's notification e-mails are written in. */
public enum MailLanguage {
    ZH_CN(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

    private final Locale locale;

    MailLanguage(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String labelKey() {
        return "notification.language." + name();
    }
}
