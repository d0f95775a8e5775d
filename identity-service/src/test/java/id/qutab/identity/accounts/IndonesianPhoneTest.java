package id.qutab.identity.accounts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndonesianPhoneTest {

    @ParameterizedTest
    @CsvSource({
            "081234567890, +6281234567890",
            "0812 3456 7890, +6281234567890",
            "0812-3456-789, +628123456789",
            "62 812 3456 7890, +6281234567890",
            "+62 (812) 3456.7890, +6281234567890",
            "021 5551234, +62215551234",
            "08111111, +628111111",
    })
    void normalizesToE164(String typed, String expected) {
        assertEquals(expected, IndonesianPhone.normalize(typed).orElseThrow());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "+6512345678", "+62012345678", "0812abc4567", "08123", "0812345678901234",
            "+1 202 555 0100", "++6281234567890", "62"})
    void refusesWhatIsNotAnIndonesianNumber(String typed) {
        assertTrue(IndonesianPhone.normalize(typed).isEmpty(), typed);
    }
}
