package io.certwright.core.certificates.policies;

import io.certwright.pki.IpAddresses;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Order-insensitive list comparisons in which duplicates count and a null list equals an empty one. */
final class UnorderedLists {

    private UnorderedLists() {}

    static boolean equal(Collection<String> left, Collection<String> right) {
        return sorted(left).equals(sorted(right));
    }

    /**
     * Compares IP addresses as parsed values, so {@code 2001:0DB8::0001} equals {@code 2001:db8::1}
     * and an IPv4 address equals its IPv4-mapped IPv6 form. A value that is not an IP literal only
     * equals the identical text.
     */
    static boolean equalAddresses(Collection<String> left, Collection<String> right) {
        return equal(canonical(left), canonical(right));
    }

    private static List<String> canonical(Collection<String> values) {
        return values == null ? List.of() : IpAddresses.canonicalAll(values);
    }

    private static List<String> sorted(Collection<String> values) {
        if (values == null) {
            return List.of();
        }
        List<String> copy = new ArrayList<>(values.size());
        for (String value : values) {
            copy.add(value == null ? "" : value);
        }
        Collections.sort(copy);
        return copy;
    }
}
