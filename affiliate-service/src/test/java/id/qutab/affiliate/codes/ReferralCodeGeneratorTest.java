package id.qutab.affiliate.codes;

import id.qutab.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralCodeGeneratorTest {

    @Test
    void generatedCodesHaveSevenUnambiguousCharacters() {
        ReferralCodeGenerator generator = new ReferralCodeGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = generator.generate();
            assertEquals(7, code.length());
            assertTrue(code.chars().allMatch(c -> ReferralCodeGenerator.ALPHABET.indexOf(c) >= 0), code);
            seen.add(code);
        }
        assertTrue(seen.size() > 9_990, "random enough");
        for (char c : "0O1lIo".toCharArray()) {
            assertFalse(ReferralCodeGenerator.ALPHABET.indexOf(c) >= 0, "no " + c);
        }
    }

    @Test
    void customCodes() {
        assertEquals("Ramadhan2026", ReferralCodeGenerator.requireValidCustom(" Ramadhan2026 "));
        for (String bad : new String[] {null, "", "abc", "a b c d", "toolongtoolongtoolong", "kode-ku", "ÄBCD"}) {
            assertThrows(ProblemException.class, () -> ReferralCodeGenerator.requireValidCustom(bad), String.valueOf(bad));
        }
        assertTrue(ReferralCodeGenerator.plausible("XK7mP2q"));
        assertFalse(ReferralCodeGenerator.plausible("XK7 P2q"));
        assertFalse(ReferralCodeGenerator.plausible(null));
    }
}
