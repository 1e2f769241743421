package io.certwright.pki;

import java.util.List;

/**
 * One side (permitted or excluded) of a NameConstraints extension. A null list is treated as empty.
 *
 * @param dnsDomains DNS domain subtrees, for example {@code example.com}
 * @param ipRanges IP ranges in CIDR notation, for example {@code 10.0.0.0/8} or {@code 2001:db8::/32}
 * @param emailAddresses mailbox, host or domain constraints for rfc822Name
 * @param uriDomains host or domain constraints for uniformResourceIdentifier
 */
public record NameConstraintItem(
        List<String> dnsDomains, List<String> ipRanges, List<String> emailAddresses, List<String> uriDomains) {

    public NameConstraintItem {
        dnsDomains = dnsDomains == null ? List.of() : List.copyOf(dnsDomains);
        ipRanges = ipRanges == null ? List.of() : List.copyOf(ipRanges);
        emailAddresses = emailAddresses == null ? List.of() : List.copyOf(emailAddresses);
        uriDomains = uriDomains == null ? List.of() : List.copyOf(uriDomains);
    }

    /** Returns true when no list contains an entry. */
    public boolean isEmpty() {
        return dnsDomains.isEmpty() && ipRanges.isEmpty() && emailAddresses.isEmpty() && uriDomains.isEmpty();
    }
}
