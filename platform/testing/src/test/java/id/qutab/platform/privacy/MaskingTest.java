package id.qutab.platform.privacy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {

    @Test
    void keepsTwoLettersPerWord() {
        assertEquals("Bu** Sa*****", Masking.name("Budi Santoso"));
        assertEquals("Bu** Sa*****", Masking.name("  Budi   Santoso "));
        assertEquals("A* Ik****", Masking.name("Al Ikhsan"), "two-letter words keep one letter");
        assertEquals("A", Masking.name("A"));
        assertEquals("Mu********* Ha** bi* Ab******", Masking.name("Muhammadiya Hadi bin Abdullah"));
        assertEquals("Ñu***", Masking.name("Ñuñez"));
        assertEquals("Pelanggan", Masking.name(null));
        assertEquals("Pelanggan", Masking.name("  "));
    }

    @Test
    void keepsTheLastFourDigits() {
        assertEquals("******7890", Masking.lastFour("1234567890"));
        assertEquals("****5", Masking.lastFour("12345"), "a short number keeps fewer than four");
        assertEquals("****", Masking.lastFour("1234"));
        assertEquals("", Masking.lastFour(""));
        assertEquals(null, Masking.lastFour(null));
    }
}
