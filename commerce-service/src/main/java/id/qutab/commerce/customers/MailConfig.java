package id.qutab.commerce.customers;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "qutab.mail")
public interface MailConfig {

    /** Language of mails for customers whose registration said none ({@code id} or {@code en}). */
    @WithDefault("id")
    String defaultLocale();
}
