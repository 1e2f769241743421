package io.certwright.cli;

import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PrivateKeys;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Names of certificate fields as {@code cmctl status certificate} prints them, which uses Go's
 * crypto/x509 names: key usage bits such as {@code Digital Signature}, extended key usages such
 * as {@code Server Authentication}, and key identifiers in lowercase hex.
 */
final class CertificateExtensions {
    /** Go's names of the KeyUsage bits, indexed like {@link X509Certificate#getKeyUsage()}. */
    private static final List<String> KEY_USAGE_NAMES = List.of("Digital Signature", "Content Commitment",
            "Key Encipherment", "Data Encipherment", "Key Agreement", "Cert Sign", "CRL Sign", "Encipher Only",
            "Decipher Only");

    /** Go's names of the extended key usages that crypto/x509 defines, by OID. */
    private static final Map<String, String> EXTENDED_KEY_USAGE_NAMES = Map.ofEntries(
            Map.entry("2.5.29.37.0", "Any"),
            Map.entry("1.3.6.1.5.5.7.3.1", "Server Authentication"),
            Map.entry("1.3.6.1.5.5.7.3.2", "Client Authentication"),
            Map.entry("1.3.6.1.5.5.7.3.3", "Code Signing"),
            Map.entry("1.3.6.1.5.5.7.3.4", "Email Protection"),
            Map.entry("1.3.6.1.5.5.7.3.5", "IPSEC End System"),
            Map.entry("1.3.6.1.5.5.7.3.6", "IPSEC Tunnel"),
            Map.entry("1.3.6.1.5.5.7.3.7", "IPSEC User"),
            Map.entry("1.3.6.1.5.5.7.3.8", "Time Stamping"),
            Map.entry("1.3.6.1.5.5.7.3.9", "OCSP Signing"),
            Map.entry("1.3.6.1.4.1.311.10.3.3", "Microsoft Server Gated Crypto"),
            Map.entry("2.16.840.1.113730.4.1", "Netscape Server Gated Crypto"),
            Map.entry("1.3.6.1.4.1.311.2.1.22", "Microsoft Commercial Code Signing"),
            Map.entry("1.3.6.1.4.1.311.61.1.1", "Microsoft Kernel Code Signing"));

    private CertificateExtensions() {
    }

    /** Returns the names of the KeyUsage bits set, in bit order; empty without the extension. */
    static List<String> keyUsages(X509Certificate certificate) {
        boolean[] bits = certificate.getKeyUsage();
        List<String> names = new ArrayList<>();
        if (bits == null) {
            return names;
        }
        for (int i = 0; i < bits.length && i < KEY_USAGE_NAMES.size(); i++) {
            if (bits[i]) {
                names.add(KEY_USAGE_NAMES.get(i));
            }
        }
        return names;
    }

    /** Returns the names of the extended key usages, or the OID of one Go has no name for. */
    static List<String> extendedKeyUsages(X509Certificate certificate) throws CertificateParsingException {
        List<String> oids = certificate.getExtendedKeyUsage();
        if (oids == null) {
            return List.of();
        }
        return oids.stream().map(oid -> EXTENDED_KEY_USAGE_NAMES.getOrDefault(oid, oid)).toList();
    }

    /** Returns {@code RSA}, {@code ECDSA} or {@code Ed25519}, as Go names public key algorithms. */
    static String publicKeyAlgorithm(X509Certificate certificate) {
        KeyAlgorithm algorithm = PrivateKeys.algorithmOf(certificate.getPublicKey());
        return algorithm == KeyAlgorithm.ED25519 ? "Ed25519" : algorithm.name();
    }

    /** Returns the subject key identifier in lowercase hex, or "" without the extension. */
    static String subjectKeyId(X509Certificate certificate) {
        byte[] value = extensionOctets(certificate, Extension.subjectKeyIdentifier.getId());
        return value == null ? "" : HexFormat.of().formatHex(SubjectKeyIdentifier.getInstance(value).getKeyIdentifier());
    }

    /** Returns the key identifier of the authority key identifier in lowercase hex, or "" when absent. */
    static String authorityKeyId(X509Certificate certificate) {
        byte[] value = extensionOctets(certificate, Extension.authorityKeyIdentifier.getId());
        if (value == null) {
            return "";
        }
        byte[] keyId = AuthorityKeyIdentifier.getInstance(value).getKeyIdentifier();
        return keyId == null ? "" : HexFormat.of().formatHex(keyId);
    }

    private static byte[] extensionOctets(X509Certificate certificate, String oid) {
        byte[] wrapped = certificate.getExtensionValue(oid);
        return wrapped == null ? null : ASN1OctetString.getInstance(wrapped).getOctets();
    }
}
