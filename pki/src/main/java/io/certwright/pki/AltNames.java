package io.certwright.pki;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;

/** Encoding and decoding of subject alternative names and name constraint subtrees. */
final class AltNames {

    /** The subject alternative names of a CSR or certificate, grouped by type. */
    record Values(List<String> dnsNames, List<String> ipAddresses, List<String> uris,
                  List<String> emailAddresses, List<OtherName> otherNames) {

        static final Values EMPTY = new Values(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private AltNames() {}

    /**
     * Encodes names as GeneralNames in the order DNS, email, IP, URI, otherName, or returns null when
     * all lists are empty.
     *
     * @throws PkiException if an IP address is not a literal or a URI is not valid
     */
    static GeneralNames encode(List<String> dnsNames, List<String> ipAddresses, List<String> uris,
                               List<String> emailAddresses, List<OtherName> otherNames) throws PkiException {
        List<GeneralName> names = new ArrayList<>();
        for (String dns : dnsNames) {
            names.add(new GeneralName(GeneralName.dNSName, dns));
        }
        for (String email : emailAddresses) {
            names.add(new GeneralName(GeneralName.rfc822Name, email));
        }
        for (String ip : ipAddresses) {
            InetAddress address = IpAddresses.parseOrThrow(ip);
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(address.getAddress())));
        }
        for (String uri : uris) {
            try {
                new URI(uri);
            } catch (URISyntaxException e) {
                throw new PkiException("invalid URI \"" + uri + "\": " + e.getReason());
            }
            names.add(new GeneralName(GeneralName.uniformResourceIdentifier, uri));
        }
        for (OtherName other : otherNames) {
            ASN1ObjectIdentifier oid;
            try {
                oid = new ASN1ObjectIdentifier(other.oid());
            } catch (IllegalArgumentException e) {
                throw new PkiException("invalid otherName OID \"" + other.oid() + "\"");
            }
            DERSequence value = new DERSequence(new ASN1Encodable[] {
                oid, new DERTaggedObject(true, 0, new DERUTF8String(other.utf8Value()))
            });
            names.add(new GeneralName(GeneralName.otherName, value));
        }
        return names.isEmpty() ? null : new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /** Decodes GeneralNames; null decodes to {@link Values#EMPTY}. Unsupported name types are skipped. */
    static Values decode(GeneralNames generalNames) {
        if (generalNames == null) {
            return Values.EMPTY;
        }
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        List<String> emails = new ArrayList<>();
        List<OtherName> others = new ArrayList<>();
        for (GeneralName name : generalNames.getNames()) {
            switch (name.getTagNo()) {
                case GeneralName.dNSName:
                    dns.add(string(name));
                    break;
                case GeneralName.rfc822Name:
                    emails.add(string(name));
                    break;
                case GeneralName.uniformResourceIdentifier:
                    uris.add(string(name));
                    break;
                case GeneralName.iPAddress:
                    byte[] bytes = DEROctetString.getInstance(name.getName()).getOctets();
                    if (bytes.length == 4 || bytes.length == 16) {
                        ips.add(IpAddresses.format(bytes));
                    }
                    break;
                case GeneralName.otherName:
                    decodeOtherName(name.getName()).ifPresent(others::add);
                    break;
                default:
                    break;
            }
        }
        return new Values(List.copyOf(dns), List.copyOf(ips), List.copyOf(uris), List.copyOf(emails), List.copyOf(others));
    }

    private static String string(GeneralName name) {
        return ((ASN1String) name.getName()).getString();
    }

    private static java.util.Optional<OtherName> decodeOtherName(ASN1Encodable encoded) {
        ASN1Sequence sequence = ASN1Sequence.getInstance(encoded);
        if (sequence.size() != 2) {
            return java.util.Optional.empty();
        }
        ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(sequence.getObjectAt(0));
        ASN1TaggedObject tagged = ASN1TaggedObject.getInstance(sequence.getObjectAt(1));
        ASN1Encodable value = tagged.getExplicitBaseObject();
        if (value instanceof ASN1String) {
            return java.util.Optional.of(new OtherName(oid.getId(), ((ASN1String) value).getString()));
        }
        return java.util.Optional.empty();
    }

    /**
     * Encodes one side of a NameConstraints extension, or returns null when {@code item} is null or empty.
     *
     * @throws PkiException if an IP range is not valid CIDR notation
     */
    static GeneralSubtree[] encodeSubtrees(NameConstraintItem item) throws PkiException {
        if (item == null || item.isEmpty()) {
            return null;
        }
        List<GeneralSubtree> subtrees = new ArrayList<>();
        for (String domain : item.dnsDomains()) {
            subtrees.add(new GeneralSubtree(new GeneralName(GeneralName.dNSName, domain)));
        }
        for (String range : item.ipRanges()) {
            subtrees.add(new GeneralSubtree(new GeneralName(GeneralName.iPAddress, new DEROctetString(cidr(range)))));
        }
        for (String email : item.emailAddresses()) {
            subtrees.add(new GeneralSubtree(new GeneralName(GeneralName.rfc822Name, email)));
        }
        for (String uriDomain : item.uriDomains()) {
            subtrees.add(new GeneralSubtree(new GeneralName(GeneralName.uniformResourceIdentifier, uriDomain)));
        }
        return subtrees.toArray(GeneralSubtree[]::new);
    }

    /** Encodes a CIDR range as address bytes followed by mask bytes, as RFC 5280 section 4.2.1.10 requires. */
    private static byte[] cidr(String range) throws PkiException {
        int slash = range.indexOf('/');
        if (slash < 0) {
            throw new PkiException("invalid IP range \"" + range + "\": expected CIDR notation such as 10.0.0.0/8");
        }
        InetAddress address = IpAddresses.parse(range.substring(0, slash))
                .orElseThrow(() -> new PkiException("invalid IP range \"" + range + "\": the address is not an IP literal"));
        byte[] bytes = address.getAddress();
        int prefix;
        try {
            prefix = Integer.parseInt(range.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new PkiException("invalid IP range \"" + range + "\": the prefix length is not a number");
        }
        if (prefix < 0 || prefix > bytes.length * 8) {
            throw new PkiException("invalid IP range \"" + range + "\": the prefix length must be between 0 and " + bytes.length * 8);
        }
        byte[] result = new byte[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            int maskBits = Math.max(0, Math.min(8, prefix - i * 8));
            byte mask = (byte) (0xff << (8 - maskBits));
            result[i] = (byte) (bytes[i] & mask);
            result[bytes.length + i] = mask;
        }
        return result;
    }
}
