package id.qutab.identity.notifications;

import id.qutab.identity.support.Api;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Accounts with a phone number of their own, so each test reads only its own conversation in the sandbox. */
final class People {

    private People() {
    }

    record Person(UUID id, String phone, String name) {

        /** How the sandbox (and the Cloud API) names the number: E.164 digits without '+'. */
        String digits() {
            return phone.substring(1);
        }

        /** As people type it. */
        String national() {
            return "0" + phone.substring(3);
        }
    }

    static Person register(String name, String accountType, String locale) {
        // 0812 + 8 digits, never ending in the sandbox's fail digit 9
        return register(name, accountType, locale, ThreadLocalRandom.current().nextInt(9));
    }

    /** A number ending in {@code lastDigit}: the sandbox fails every message to a number ending in 9. */
    static Person register(String name, String accountType, String locale, int lastDigit) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String national = "812" + String.format("%07d", r.nextInt(10_000_000)) + lastDigit;
        Map<String, Object> body = Api.registration(name, Api.uniqueEmail("wa"), "0" + national, Api.PASSWORD, accountType);
        body.put("locale", locale);
        String id = Api.register(body).then().statusCode(201).extract().path("id");
        return new Person(UUID.fromString(id), "+62" + national, name);
    }
}
