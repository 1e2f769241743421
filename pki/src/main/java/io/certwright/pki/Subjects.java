package io.certwright.pki;

import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Building subject distinguished names and reading their attributes. */
final class Subjects {

    private Subjects() {}

    /**
     * Builds the subject of a CSR. A literal subject is used verbatim. Otherwise the attributes are
     * written in the order Go's {@code pkix.Name} uses (C, ST, L, STREET, postalCode, O, OU, CN,
     * serialNumber), with all values of one attribute type in a single multi-valued RDN.
     *
     * @throws PkiException if the literal subject is not a valid RFC 4514 string
     */
    static X500Name build(CsrSpec spec) throws PkiException {
        if (spec.literalSubject() != null) {
            return parseLiteral(spec.literalSubject());
        }
        List<RDN> rdns = new ArrayList<>();
        addRdn(rdns, BCStyle.C, spec.countries());
        addRdn(rdns, BCStyle.ST, spec.provinces());
        addRdn(rdns, BCStyle.L, spec.localities());
        addRdn(rdns, BCStyle.STREET, spec.streetAddresses());
        addRdn(rdns, BCStyle.POSTAL_CODE, spec.postalCodes());
        addRdn(rdns, BCStyle.O, spec.organizations());
        addRdn(rdns, BCStyle.OU, spec.organizationalUnits());
        if (spec.commonName() != null && !spec.commonName().isEmpty()) {
            addRdn(rdns, BCStyle.CN, List.of(spec.commonName()));
        }
        if (spec.serialNumber() != null && !spec.serialNumber().isEmpty()) {
            addRdn(rdns, BCStyle.SERIALNUMBER, List.of(spec.serialNumber()));
        }
        return new X500Name(BCStyle.INSTANCE, rdns.toArray(RDN[]::new));
    }

    private static void addRdn(List<RDN> rdns, ASN1ObjectIdentifier type, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        AttributeTypeAndValue[] attributes = values.stream()
                .map(value -> new AttributeTypeAndValue(type, BCStyle.INSTANCE.stringToValue(type, value)))
                .toArray(AttributeTypeAndValue[]::new);
        rdns.add(new RDN(attributes));
    }

    /**
     * Parses an RFC 4514 string. RFC 4514 writes the last RDN of the DER sequence first, so
     * {@code "CN=a,O=b"} becomes the sequence [O=b, CN=a], and {@link #toRfc4514} returns the same text.
     */
    static X500Name parseLiteral(String literal) throws PkiException {
        RDN[] parsed;
        try {
            parsed = IETFUtils.rDNsFromString(literal, BCStyle.INSTANCE);
        } catch (IllegalArgumentException e) {
            throw new PkiException("invalid literal subject \"" + literal + "\": " + e.getMessage(), e);
        }
        RDN[] reversed = new RDN[parsed.length];
        for (int i = 0; i < parsed.length; i++) {
            reversed[parsed.length - 1 - i] = parsed[i];
        }
        return new X500Name(BCStyle.INSTANCE, reversed);
    }

    /** Formats a name as an RFC 4514 string (last RDN first). */
    static String toRfc4514(X500Name name) {
        RDN[] rdns = name.getRDNs();
        RDN[] reversed = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            reversed[rdns.length - 1 - i] = rdns[i];
        }
        return new X500Name(BCStyle.INSTANCE, reversed).toString();
    }

    /** Returns every value of {@code type} in DER order. */
    static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue attribute : rdn.getTypesAndValues()) {
                if (attribute.getType().equals(type)) {
                    values.add(text(attribute.getValue()));
                }
            }
        }
        return List.copyOf(values);
    }

    /** Returns the first value of {@code type}, or "" when absent. */
    static String first(X500Name name, ASN1ObjectIdentifier type) {
        List<String> values = values(name, type);
        return values.isEmpty() ? "" : values.get(0);
    }

    private static String text(ASN1Encodable value) {
        if (value instanceof ASN1String) {
            return ((ASN1String) value).getString();
        }
        return IETFUtils.valueToString(value);
    }
}
