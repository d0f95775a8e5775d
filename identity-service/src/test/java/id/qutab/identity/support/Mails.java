package id.qutab.identity.support;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the mock mailbox; mails go out after commit and asynchronously, so this waits a little. */
public final class Mails {

    private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_-]+)");

    private Mails() {
    }

    public static List<Mail> await(MockMailbox mailbox, String to, int count) {
        long deadline = System.currentTimeMillis() + 5_000;
        while (true) {
            List<Mail> mails = mailbox.getMailsSentTo(to);
            int size = mails == null ? 0 : mails.size();
            if (size >= count) {
                return mails;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("expected " + count + " mail(s) to " + to + ", got " + size);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** How many mails went to {@code to}, after giving in-flight ones a moment to land. */
    public static int settledCount(MockMailbox mailbox, String to) {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Mail> mails = mailbox.getMailsSentTo(to);
        return mails == null ? 0 : mails.size();
    }

    public static String token(Mail mail) {
        Matcher m = TOKEN.matcher(mail.getText());
        if (!m.find()) {
            throw new AssertionError("no token link in mail text");
        }
        return m.group(1);
    }
}
