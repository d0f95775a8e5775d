package id.qutab.payout.banks;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The maintained list of banks an affiliate can be paid to, with the account-number lengths each bank issues.
 * Adding a bank is one line here (and a release); a bank is looked up by our code or by its clearing code.
 */
@ApplicationScoped
public class BankCatalog {

    private static final List<Bank> BANKS = List.of(
            new Bank("BCA", "Bank Central Asia (BCA)", "014", List.of(10)),
            new Bank("BRI", "Bank Rakyat Indonesia (BRI)", "002", List.of(15)),
            new Bank("BNI", "Bank Negara Indonesia (BNI)", "009", List.of(10)),
            new Bank("MANDIRI", "Bank Mandiri", "008", List.of(13)),
            new Bank("BSI", "Bank Syariah Indonesia (BSI)", "451", List.of(10)),
            new Bank("CIMB", "CIMB Niaga", "022", List.of(13, 14)),
            new Bank("PERMATA", "Bank Permata", "013", List.of(10)),
            new Bank("DANAMON", "Bank Danamon", "011", List.of(10)),
            new Bank("BTN", "Bank Tabungan Negara (BTN)", "200", List.of(16)),
            new Bank("BCA_SYARIAH", "BCA Syariah", "536", List.of(10)),
            new Bank("OCBC", "OCBC Indonesia", "028", List.of(12)),
            new Bank("PANIN", "Panin Bank", "019", List.of(10)),
            new Bank("MEGA", "Bank Mega", "426", List.of(15)),
            new Bank("BJB", "Bank BJB", "110", List.of(13)),
            new Bank("JAGO", "Bank Jago", "542", List.of(12)),
            new Bank("SEABANK", "SeaBank Indonesia", "535", List.of(12)));

    private static final Map<String, Bank> BY_KEY = Stream.concat(
                    BANKS.stream().map(b -> Map.entry(b.code(), b)),
                    BANKS.stream().map(b -> Map.entry(b.clearingCode(), b)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final Map<String, Bank> BY_CODE = BANKS.stream()
            .collect(Collectors.toUnmodifiableMap(Bank::code, Function.identity()));

    public List<Bank> all() {
        return BANKS;
    }

    /** By our code (any case, spaces and dashes read as underscores) or by the clearing code. */
    public Optional<Bank> find(String codeOrClearingCode) {
        if (codeOrClearingCode == null) {
            return Optional.empty();
        }
        String key = codeOrClearingCode.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Optional.ofNullable(BY_KEY.get(key));
    }

    /** A code stored earlier; always known unless the bank was removed from the list since. */
    public Optional<Bank> byCode(String code) {
        return Optional.ofNullable(code).map(BY_CODE::get);
    }

    public String nameOf(String code) {
        return byCode(code).map(Bank::name).orElse(code);
    }
}
