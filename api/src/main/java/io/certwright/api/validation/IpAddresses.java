package io.certwright.api.validation;

import java.util.Arrays;
import java.util.Optional;

/**
 * IP address and CIDR parsing with the rules of Go's {@code net.ParseIP} and {@code net.ParseCIDR},
 * done without name resolution. Parsed addresses compare as values, so {@code 2001:db8::1} and
 * {@code 2001:0DB8:0000:0000:0000:0000:0000:0001} are equal.
 */
public final class IpAddresses {
    private IpAddresses() {
    }

    /**
     * Parses a textual IPv4 or IPv6 address. IPv4 is dotted decimal with four parts, no leading
     * zeros; IPv6 allows one {@code ::} and a trailing IPv4 part, and no zone.
     *
     * @return 4 bytes for IPv4, 16 bytes for IPv6, or empty when the text is not an address
     */
    public static Optional<byte[]> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.indexOf(':') >= 0) {
            return Optional.ofNullable(parseIpv6(text));
        }
        return Optional.ofNullable(parseIpv4(text));
    }

    /** Returns whether two textual addresses parse to the same address; unparsable text never matches. */
    public static boolean equal(String a, String b) {
        Optional<byte[]> left = parse(a).map(IpAddresses::unmap);
        Optional<byte[]> right = parse(b).map(IpAddresses::unmap);
        return left.isPresent() && right.isPresent() && Arrays.equals(left.get(), right.get());
    }

    /** Returns whether the text is {@code address/prefix-length} with a prefix length in range for the address. */
    public static boolean isCidr(String text) {
        if (text == null) {
            return false;
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            return false;
        }
        Optional<byte[]> address = parse(text.substring(0, slash));
        String prefix = text.substring(slash + 1);
        if (address.isEmpty() || prefix.isEmpty() || prefix.length() > 3 || !prefix.chars().allMatch(Character::isDigit)) {
            return false;
        }
        int bits = Integer.parseInt(prefix);
        return bits <= address.get().length * 8;
    }

    /** Turns an IPv4-mapped IPv6 address into its 4-byte IPv4 form, as Go's {@code IP.Equal} treats them as equal. */
    private static byte[] unmap(byte[] address) {
        if (address.length == 16) {
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= address[i] == 0;
            }
            mapped &= address[10] == (byte) 0xff && address[11] == (byte) 0xff;
            if (mapped) {
                return Arrays.copyOfRange(address, 12, 16);
            }
        }
        return address;
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static byte[] parseIpv6(String text) {
        byte[] out = new byte[16];
        int ellipsis = -1;
        int i = 0;
        String s = text;
        if (s.startsWith("::")) {
            ellipsis = 0;
            s = s.substring(2);
            if (s.isEmpty()) {
                return out;
            }
        }
        while (i < 16) {
            int end = 0;
            while (end < s.length() && end < 5 && Character.digit(s.charAt(end), 16) >= 0) {
                end++;
            }
            if (end == 0 || end > 4) {
                return null;
            }
            if (end < s.length() && s.charAt(end) == '.') {
                // Trailing IPv4 part.
                if (ellipsis < 0 && i != 12) {
                    return null;
                }
                if (i + 4 > 16) {
                    return null;
                }
                byte[] v4 = parseIpv4(s);
                if (v4 == null) {
                    return null;
                }
                System.arraycopy(v4, 0, out, i, 4);
                i += 4;
                s = "";
                break;
            }
            int group = Integer.parseInt(s.substring(0, end), 16);
            out[i] = (byte) (group >> 8);
            out[i + 1] = (byte) group;
            i += 2;
            s = s.substring(end);
            if (s.isEmpty()) {
                break;
            }
            if (s.charAt(0) != ':' || s.length() == 1) {
                return null;
            }
            s = s.substring(1);
            if (s.charAt(0) == ':') {
                if (ellipsis >= 0) {
                    return null;
                }
                ellipsis = i;
                s = s.substring(1);
                if (s.isEmpty()) {
                    break;
                }
            }
        }
        if (!s.isEmpty()) {
            return null;
        }
        if (i < 16) {
            if (ellipsis < 0) {
                return null;
            }
            int shift = 16 - i;
            for (int j = i - 1; j >= ellipsis; j--) {
                out[j + shift] = out[j];
            }
            for (int j = ellipsis + shift - 1; j >= ellipsis; j--) {
                out[j] = 0;
            }
        } else if (ellipsis >= 0) {
            // The ellipsis must stand for at least one group of zeros.
            return null;
        }
        return out;
    }
}
