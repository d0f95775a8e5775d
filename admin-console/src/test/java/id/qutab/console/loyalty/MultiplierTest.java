package id.qutab.console.loyalty;

import id.qutab.console.api.ApiProblem;
import id.qutab.console.web.Fmt;
import id.qutab.console.web.FormValues;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Multipliers go to the API as basis points of 1× and come back as {@code 1.25×}; points are shown signed. */
class MultiplierTest {

    @Test
    void typedMultipliersBecomeBasisPoints() {
        assertEquals(12500L, FormValues.multiplierToBps("1,25", "m", "too precise"));
        assertEquals(12500L, FormValues.multiplierToBps("1.25×", "m", "too precise"));
        assertEquals(10000L, FormValues.multiplierToBps(" 1 ", "m", "too precise"));
        assertEquals(15000L, FormValues.multiplierToBps("1.5x", "m", "too precise"));
        assertEquals(12345L, FormValues.multiplierToBps("1,2345", "m", "too precise"));
        assertNull(FormValues.multiplierToBps("  ", "m", "too precise"));
        // not a number: sent as typed, so the API's own problem detail is what the admin reads
        assertEquals("abc", FormValues.multiplierToBps("abc", "m", "too precise"));
        assertEquals(-10000L, FormValues.multiplierToBps("-1", "m", "too precise"));
        ApiProblem finer = assertThrows(ApiProblem.class, () -> FormValues.multiplierToBps("1,23456", "m", "too precise"));
        assertEquals("too precise · m: 1,23456", finer.describe());
    }

    @Test
    void basisPointsAreShownAsTimes() {
        assertEquals("1×", Fmt.multiplier(10000));
        assertEquals("1.25×", Fmt.multiplier(12500));
        assertEquals("2.5×", Fmt.multiplier(25000));
        assertEquals("1.25", Fmt.multiplierValue(12500));
        assertEquals("+1.250", Fmt.points(1250));
        assertEquals("-300", Fmt.points(-300));
        assertEquals("0", Fmt.points(0));
        assertEquals("1.250", Fmt.count(1250));
        assertEquals("-40", Fmt.count(-40));
    }
}
