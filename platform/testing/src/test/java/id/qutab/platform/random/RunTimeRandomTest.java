package id.qutab.platform.random;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunTimeRandomTest {

    @Test
    void oneSecureRandomMadeOnFirstUse() {
        assertSame(RunTimeRandom.secure(), RunTimeRandom.secure());
    }

    @Test
    void tokensAreBase64UrlOfTheirBytesAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = RunTimeRandom.token(32);
            assertEquals(43, token.length(), token);
            assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
            assertTrue(seen.add(token), "repeated " + token);
        }
    }

    @Test
    void codesUseOnlyTheirAlphabetAndAllOfIt() {
        String alphabet = "ABC23";
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = RunTimeRandom.code(alphabet, 10);
            assertEquals(10, code.length());
            for (char c : code.toCharArray()) {
                assertTrue(alphabet.indexOf(c) >= 0, code);
                used.add(c);
            }
        }
        assertEquals(alphabet.length(), used.size(), "every character is drawn: " + used);
    }
}
