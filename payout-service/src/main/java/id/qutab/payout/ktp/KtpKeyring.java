package id.qutab.payout.ktp;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The AES-256 keys of the KTP vault by id: the active one seals, any known one opens. Read and checked at
 * start-up, so a missing, short or malformed key stops the service before it accepts a single upload.
 */
@Startup
@ApplicationScoped
public class KtpKeyring {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,32}");

    @Inject
    KtpConfig config;

    private Map<String, SecretKey> keys;
    private String activeId;

    @PostConstruct
    void load() {
        Map<String, SecretKey> loaded = new LinkedHashMap<>();
        activeId = checkId(config.keyId(), "qutab.ktp.key-id");
        loaded.put(activeId, decode(config.key(), "qutab.ktp.key"));
        for (String entry : config.retiredKeys().orElse(List.of())) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("qutab.ktp.retired-keys entries are <id>:<base64 key>");
            }
            String id = checkId(trimmed.substring(0, colon), "qutab.ktp.retired-keys");
            SecretKey key = decode(trimmed.substring(colon + 1), "qutab.ktp.retired-keys[" + id + "]");
            SecretKey previous = loaded.putIfAbsent(id, key);
            if (previous != null && !previous.equals(key)) {
                throw new IllegalStateException("KTP key id " + id + " is configured with two different keys");
            }
        }
        keys = Collections.unmodifiableMap(loaded);
    }

    public String activeId() {
        return activeId;
    }

    public SecretKey active() {
        return keys.get(activeId);
    }

    public Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    private static String checkId(String id, String property) {
        if (id == null || !KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(property + " must be 1-32 letters, digits, '.', '_' or '-'");
        }
        return id;
    }

    private static SecretKey decode(String base64, String property) {
        byte[] raw;
        try {
            raw = java.util.Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64");
        }
        if (raw.length != 32) {
            throw new IllegalStateException(property + " must be 32 bytes (AES-256), got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }
}
