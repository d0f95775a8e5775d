package id.qutab.gateway.edge;

import io.smallrye.common.net.CidrAddress;
import io.smallrye.common.net.Inet;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The proxies whose forwarding headers the gateway believes ({@code qutab.gateway.trusted-proxies}), and who the
 * client is behind them.
 * <p>
 * {@code X-Forwarded-For} is read from the right: each proxy appends the address it saw, so the right-most entry
 * comes from the nearest proxy, and everything further left came through it from the client and may be forged. The
 * client is the first entry, from the right, that is not itself one of our proxies. An entry that is not an IP
 * literal ends the walk: the nearest proxy known so far stands in for the client (a proxy that wrote no address is
 * misconfigured; whatever stands there came from the client).
 */
final class TrustedProxies {

    /** Longest IP literal (IPv6 with an embedded IPv4); anything longer is not one and is not parsed. */
    private static final int MAX_ADDRESS_LENGTH = 45;

    private final List<CidrAddress> ranges;

    private TrustedProxies(List<CidrAddress> ranges) {
        this.ranges = ranges;
    }

    /**
     * Addresses ({@code 10.1.2.3}, {@code ::1}) and CIDR ranges ({@code 172.30.80.0/24}). Anything else (a host
     * name, a bad prefix length) fails the start: a typo must not silently trust nobody, or everybody.
     */
    static TrustedProxies parse(List<String> entries) {
        List<CidrAddress> ranges = entries.stream().map(String::trim).filter(e -> !e.isEmpty())
                .map(TrustedProxies::range).toList();
        return new TrustedProxies(ranges);
    }

    private static CidrAddress range(String entry) {
        if (entry.indexOf('/') >= 0) {
            CidrAddress range = Inet.parseCidrAddress(entry);
            if (range == null) {
                throw new IllegalArgumentException("qutab.gateway.trusted-proxies: \"" + entry
                        + "\" is not a CIDR range (address/prefix-length)");
            }
            return range;
        }
        InetAddress address = address(entry);
        if (address == null) {
            throw new IllegalArgumentException("qutab.gateway.trusted-proxies: \"" + entry
                    + "\" is not an IP address or CIDR range (host names are not resolved)");
        }
        return CidrAddress.create(address, address.getAddress().length * 8);
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether the peer at this address (Vert.x' host address of the socket) is one of our proxies. */
    boolean trusts(String peerAddress) {
        InetAddress address = address(peerAddress);
        return address != null && trusts(address);
    }

    private boolean trusts(InetAddress address) {
        for (CidrAddress range : ranges) {
            if (range.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client behind a trusted peer, from the X-Forwarded-For header lines (in the order received). Always an
     * IP literal in its shortest form: the peer's address when the headers name nobody else.
     */
    String client(List<String> forwardedFor, String peerAddress) {
        String nearest = peerAddress;
        for (int line = forwardedFor.size() - 1; line >= 0; line--) {
            String value = forwardedFor.get(line);
            int end = value.length();
            while (end >= 0) {
                int comma = value.lastIndexOf(',', end - 1);
                String hop = value.substring(comma + 1, end).trim();
                end = comma;
                if (hop.isEmpty()) {
                    continue;
                }
                InetAddress address = address(hop);
                if (address == null) {
                    return nearest;
                }
                String canonical = Inet.toOptimalString(address);
                if (!trusts(address)) {
                    return canonical;
                }
                nearest = canonical;
            }
        }
        return nearest;
    }

    /**
     * An IP literal, never a DNS lookup; IPv4-mapped IPv6 ({@code ::ffff:10.0.0.1}) becomes the IPv4 address, so
     * one client cannot pass for two by spelling its address twice. null for anything else.
     */
    static InetAddress address(String literal) {
        if (literal == null || literal.isEmpty() || literal.length() > MAX_ADDRESS_LENGTH) {
            return null;
        }
        byte[] bytes = Inet.parseInetAddressToBytes(literal);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            return null; // only for a byte array of the wrong length
        }
    }
}
