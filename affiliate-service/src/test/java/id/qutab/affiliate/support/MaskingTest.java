package id.qutab.affiliate.support;

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
}
