package io.certwright.pki;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.util.IPAddress;

/**
 * Parsing, canonical formatting and comparison of IP address literals.
 *
 * <p>Only literals are accepted ({@code 192.0.2.1}, {@code 2001:db8::1}); a host name is never
 * resolved. The canonical text form is the one Go's {@code net.IP.String} writes: dotted decimal
 * for IPv4 and for IPv4-mapped IPv6, otherwise lower-case RFC 5952 with the longest run of two or
 * more zero groups compressed. Compare addresses with {@link #sameAddresses} or by canonical form,
 * never as raw text, because {@code 2001:0DB8::0001} and {@code 2001:db8::1} are the same address.
 */
public final class IpAddresses {

    private IpAddresses() {}

    /** Parses an IP literal, or returns empty when {@code text} is not one. Never performs a DNS lookup. */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        // The BouncyCastle check rejects host names, so getByName below only ever parses a literal.
        if (!IPAddress.isValidIPv4(literal) && !IPAddress.isValidIPv6(literal)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** Parses an IP literal or throws {@link PkiException} naming the invalid value. */
    static InetAddress parseOrThrow(String text) throws PkiException {
        return parse(text).orElseThrow(() -> new PkiException("invalid IP address: \"" + text + "\""));
    }

    /** Returns the canonical text of an IP literal, or empty when {@code text} is not one. */
    public static Optional<String> canonical(String text) {
        return parse(text).map(IpAddresses::format);
    }

    /** Formats raw address bytes (4 or 16) in canonical text form. */
    public static String format(byte[] address) {
        try {
            return format(InetAddress.getByAddress(address));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("IP address must be 4 or 16 bytes, got " + address.length, e);
        }
    }

    /** Formats an address in canonical text form. */
    public static String format(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        if (isIpv4Mapped(bytes)) {
            return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
        }
        return formatIpv6(bytes);
    }

    /**
     * Returns true when both collections contain the same set of addresses, ignoring order, duplicates
     * and text form. A value that is not an IP literal only matches the identical string.
     */
    public static boolean sameAddresses(Collection<String> a, Collection<String> b) {
        return normalise(a).equals(normalise(b));
    }

    private static java.util.Set<String> normalise(Collection<String> values) {
        java.util.Set<String> result = new java.util.TreeSet<>();
        for (String value : values) {
            result.add(canonical(value).orElse(value));
        }
        return result;
    }

    /** Returns the canonical form of each literal, keeping a non-literal value unchanged. */
    public static List<String> canonicalAll(Collection<String> values) {
        List<String> result = new ArrayList<>(values.size());
        for (String value : values) {
            result.add(canonical(value).orElse(value));
        }
        return result;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    private static String formatIpv6(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // Find the first longest run of at least two zero groups; RFC 5952 section 4.2.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < 8 && groups[i] == 0) {
                i++;
            }
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
