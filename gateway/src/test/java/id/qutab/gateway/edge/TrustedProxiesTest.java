package id.qutab.gateway.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse(List.of("172.30.80.2", " 10.0.0.0/8 ", "fd00::/8", ""));

    @Test
    void addressesAndRangesOfBothFamilies() {
        assertTrue(proxies.trusts("172.30.80.2"));
        assertFalse(proxies.trusts("172.30.80.3"));
        assertTrue(proxies.trusts("10.200.1.1"));
        assertTrue(proxies.trusts("::ffff:10.200.1.1"), "IPv4-mapped IPv6 is the IPv4 address");
        assertTrue(proxies.trusts("fd12::1"));
        assertFalse(proxies.trusts("2001:db8::1"));
        assertFalse(proxies.trusts("unknown"));
        assertFalse(proxies.trusts(null));
    }

    @Test
    void nobodyIsTrustedByDefault() {
        TrustedProxies none = TrustedProxies.parse(List.of());
        assertTrue(none.isEmpty());
        assertFalse(none.trusts("127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"caddy", "gateway.example", "10.0.0.0/33", "10.0.0.0/", "300.1.1.1", "*"})
    void anEntryThatIsNeitherAddressNorRangeFailsTheStart(String entry) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse(List.of("127.0.0.1", entry)));
        assertTrue(e.getMessage().contains("qutab.gateway.trusted-proxies") && e.getMessage().contains(entry), e.getMessage());
    }

    @Test
    void theClientIsFoundFromTheRight() {
        assertEquals("203.0.113.5", proxies.client(List.of("198.51.100.1, 203.0.113.5"), "172.30.80.2"));
        assertEquals("203.0.113.5", proxies.client(List.of("198.51.100.1, 203.0.113.5, 10.0.0.9"), "172.30.80.2"));
        assertEquals("2001:db8::5", proxies.client(List.of("2001:0db8:0:0:0:0:0:5"), "172.30.80.2"), "shortest form");
        assertEquals("172.30.80.2", proxies.client(List.of(), "172.30.80.2"), "no header: the proxy itself");
        assertEquals("10.0.0.9", proxies.client(List.of("203.0.113.5, <b>, 10.0.0.9"), "172.30.80.2"));
        assertEquals("172.30.80.2", proxies.client(List.of("x".repeat(10_000)), "172.30.80.2"));
    }
}
