package io.certwright.pki;

import java.io.IOException;
import java.security.PublicKey;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/**
 * A parsed PKCS#10 request. {@link Csrs#parse} verifies its signature and {@link Csrs#parseUnverified} does not.
 *
 * <p>Lists are immutable and never null. IP addresses are in canonical text form (see {@link IpAddresses}).
 * Subject attribute lists are in DER order, in which the values of one multi-valued RDN are sorted
 * by their encoding, so compare them with the spec as sets.
 */
public final class ParsedCsr {

    private final PKCS10CertificationRequest request;
    private final PublicKey publicKey;
    private final X500Name subject;
    private final Extensions extensions;
    private final AltNames.Values altNames;

    ParsedCsr(PKCS10CertificationRequest request) throws PkiException {
        this.request = request;
        this.publicKey = Csrs.publicKeyOf(request);
        this.subject = X500Name.getInstance(request.getSubject().toASN1Primitive());
        this.extensions = readExtensions(request);
        try {
            this.altNames = extensions == null
                    ? AltNames.Values.EMPTY
                    : AltNames.decode(GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PkiException("the certificate request has a malformed subjectAltName extension: " + e.getMessage(), e);
        }
    }

    private static Extensions readExtensions(PKCS10CertificationRequest request) throws PkiException {
        Attribute[] attributes = request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest);
        if (attributes.length == 0) {
            return null;
        }
        try {
            return Extensions.getInstance(attributes[0].getAttrValues().getObjectAt(0));
        } catch (IllegalArgumentException e) {
            throw new PkiException("the certificate request has a malformed extensionRequest attribute: " + e.getMessage(), e);
        }
    }

    /** Returns the BouncyCastle request object. */
    public PKCS10CertificationRequest request() {
        return request;
    }

    /** Returns the request's public key, as a JDK key object. */
    public PublicKey publicKey() {
        return publicKey;
    }

    /** Returns the DER encoding of the request. */
    public byte[] encoded() {
        try {
            return request.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding a parsed certificate request failed", e);
        }
    }

    /** Returns the DER encoding of the subject, exactly as in the request. */
    public byte[] subjectDer() {
        try {
            return request.getSubject().getEncoded("DER");
        } catch (IOException e) {
            throw new IllegalStateException("re-encoding a parsed subject failed", e);
        }
    }

    /** Returns the subject as a BouncyCastle name, attribute order and string types preserved. */
    public X500Name subject() {
        return subject;
    }

    /** Returns the subject as an RFC 4514 string (last RDN first). */
    public String subjectRfc4514() {
        return Subjects.toRfc4514(subject);
    }

    /** Returns the first common name of the subject, or "" when there is none. */
    public String commonName() {
        return Subjects.first(subject, BCStyle.CN);
    }

    public List<String> organizations() {
        return Subjects.values(subject, BCStyle.O);
    }

    public List<String> countries() {
        return Subjects.values(subject, BCStyle.C);
    }

    public List<String> organizationalUnits() {
        return Subjects.values(subject, BCStyle.OU);
    }

    public List<String> localities() {
        return Subjects.values(subject, BCStyle.L);
    }

    public List<String> provinces() {
        return Subjects.values(subject, BCStyle.ST);
    }

    public List<String> streetAddresses() {
        return Subjects.values(subject, BCStyle.STREET);
    }

    public List<String> postalCodes() {
        return Subjects.values(subject, BCStyle.POSTAL_CODE);
    }

    /** Returns the subject serialNumber attribute, or "" when there is none. */
    public String serialNumber() {
        return Subjects.first(subject, BCStyle.SERIALNUMBER);
    }

    public List<String> dnsNames() {
        return altNames.dnsNames();
    }

    /** IP address SANs in canonical text form, for example {@code 2001:db8::1}. */
    public List<String> ipAddresses() {
        return altNames.ipAddresses();
    }

    public List<String> uris() {
        return altNames.uris();
    }

    public List<String> emailAddresses() {
        return altNames.emailAddresses();
    }

    /** otherName SANs whose value is a string. */
    public List<OtherName> otherNames() {
        return altNames.otherNames();
    }

    /** Returns the extensions of the extensionRequest attribute, when the request has one. */
    public Optional<Extensions> extensions() {
        return Optional.ofNullable(extensions);
    }

    private Optional<Extension> extension(org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        return extensions == null ? Optional.empty() : Optional.ofNullable(extensions.getExtension(oid));
    }

    /** Returns the subjectAltName extension, with its criticality, when present. */
    public Optional<Extension> subjectAltNameExtension() {
        return extension(Extension.subjectAlternativeName);
    }

    /** Returns the NameConstraints extension, with its criticality, when present. */
    public Optional<Extension> nameConstraintsExtension() {
        return extension(Extension.nameConstraints);
    }

    /** Returns the KeyUsage extension value, when present. */
    public Optional<KeyUsage> keyUsage() {
        return extensions().map(KeyUsage::fromExtensions);
    }

    /** Returns the ExtendedKeyUsage extension value, when present. */
    public Optional<ExtendedKeyUsage> extendedKeyUsage() {
        return extensions().map(ExtendedKeyUsage::fromExtensions);
    }

    /**
     * The cert-manager usage names from the KeyUsage and ExtendedKeyUsage extensions, or empty when
     * the request contains neither.
     */
    public Optional<List<String>> usages() {
        KeyUsage keyUsage = keyUsage().orElse(null);
        ExtendedKeyUsage extendedKeyUsage = extendedKeyUsage().orElse(null);
        if (keyUsage == null && extendedKeyUsage == null) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(Usages.decode(keyUsage, extendedKeyUsage)));
    }

    /** Returns the CA flag of a BasicConstraints extension, when the request contains one. */
    public Optional<Boolean> basicConstraintsCa() {
        BasicConstraints constraints = extensions == null ? null : BasicConstraints.fromExtensions(extensions);
        return constraints == null ? Optional.empty() : Optional.of(constraints.isCA());
    }
}
