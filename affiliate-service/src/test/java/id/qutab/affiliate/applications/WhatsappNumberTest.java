package id.qutab.affiliate.applications;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WhatsappNumberTest {

    @Test
    void normalizesWhatPeopleType() {
        assertEquals(Optional.of("+6281234567890"), WhatsappNumber.normalize("0812-3456-7890"));
        assertEquals(Optional.of("+6281234567890"), WhatsappNumber.normalize("+62 812 3456 7890"));
        assertEquals(Optional.of("+6281234567890"), WhatsappNumber.normalize("6281234567890"));
        assertEquals(Optional.of("+628123456789"), WhatsappNumber.normalize("(0812) 3456.789"));
        assertEquals(Optional.empty(), WhatsappNumber.normalize("021-555-1234"));
        assertEquals(Optional.empty(), WhatsappNumber.normalize("0812"));
        assertEquals(Optional.empty(), WhatsappNumber.normalize("+1 415 555 0100"));
        assertEquals(Optional.empty(), WhatsappNumber.normalize("08xx"));
        assertEquals(Optional.empty(), WhatsappNumber.normalize(null));
    }
}
