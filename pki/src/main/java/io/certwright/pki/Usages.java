package io.certwright.pki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * Mapping between cert-manager usage names and the X.509 KeyUsage bits and ExtendedKeyUsage OIDs.
 *
 * <p>Names are matched case-insensitively. {@code signing} is an alias of {@code digital signature}
 * and {@code s/mime} an alias of {@code email protection}; decoding always returns the main name.
 */
public final class Usages {

    /** Usages applied when a Certificate or CertificateRequest lists none. */
    public static final List<String> DEFAULT = List.of("digital signature", "key encipherment");

    /** The usage added for CA certificates. */
    public static final String CERT_SIGN = "cert sign";

    private static final Map<String, Integer> KEY_USAGE_BITS = new LinkedHashMap<>();
    private static final Map<String, ASN1ObjectIdentifier> EXTENDED_KEY_USAGES = new LinkedHashMap<>();
    private static final Map<String, String> ALIASES = Map.of("signing", "digital signature", "s/mime", "email protection");

    static {
        // Insertion order is the order in which decoded names are returned.
        KEY_USAGE_BITS.put("digital signature", KeyUsage.digitalSignature);
        KEY_USAGE_BITS.put("content commitment", KeyUsage.nonRepudiation);
        KEY_USAGE_BITS.put("key encipherment", KeyUsage.keyEncipherment);
        KEY_USAGE_BITS.put("data encipherment", KeyUsage.dataEncipherment);
        KEY_USAGE_BITS.put("key agreement", KeyUsage.keyAgreement);
        KEY_USAGE_BITS.put("cert sign", KeyUsage.keyCertSign);
        KEY_USAGE_BITS.put("crl sign", KeyUsage.cRLSign);
        KEY_USAGE_BITS.put("encipher only", KeyUsage.encipherOnly);
        KEY_USAGE_BITS.put("decipher only", KeyUsage.decipherOnly);

        EXTENDED_KEY_USAGES.put("any", KeyPurposeId.anyExtendedKeyUsage.toOID());
        EXTENDED_KEY_USAGES.put("server auth", KeyPurposeId.id_kp_serverAuth.toOID());
        EXTENDED_KEY_USAGES.put("client auth", KeyPurposeId.id_kp_clientAuth.toOID());
        EXTENDED_KEY_USAGES.put("code signing", KeyPurposeId.id_kp_codeSigning.toOID());
        EXTENDED_KEY_USAGES.put("email protection", KeyPurposeId.id_kp_emailProtection.toOID());
        EXTENDED_KEY_USAGES.put("ipsec end system", new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.5"));
        EXTENDED_KEY_USAGES.put("ipsec tunnel", new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.6"));
        EXTENDED_KEY_USAGES.put("ipsec user", new ASN1ObjectIdentifier("1.3.6.1.5.5.7.3.7"));
        EXTENDED_KEY_USAGES.put("timestamping", KeyPurposeId.id_kp_timeStamping.toOID());
        EXTENDED_KEY_USAGES.put("ocsp signing", KeyPurposeId.id_kp_OCSPSigning.toOID());
        EXTENDED_KEY_USAGES.put("microsoft sgc", new ASN1ObjectIdentifier("1.3.6.1.4.1.311.10.3.3"));
        EXTENDED_KEY_USAGES.put("netscape sgc", new ASN1ObjectIdentifier("2.16.840.1.113730.4.1"));
    }

    /**
     * KeyUsage bits (BouncyCastle {@link KeyUsage} constants ORed together, 0 for none) and the
     * ExtendedKeyUsage OIDs in request order.
     */
    public record Encoded(int keyUsageBits, Set<ASN1ObjectIdentifier> extendedKeyUsages) {

        /** Returns the KeyUsage extension value, or null when no bit is set. */
        public KeyUsage keyUsage() {
            return keyUsageBits == 0 ? null : new KeyUsage(keyUsageBits);
        }

        /** Returns the ExtendedKeyUsage extension value, or null when the set is empty. */
        public ExtendedKeyUsage extendedKeyUsage() {
            if (extendedKeyUsages.isEmpty()) {
                return null;
            }
            return new ExtendedKeyUsage(extendedKeyUsages.stream().map(KeyPurposeId::getInstance).toArray(KeyPurposeId[]::new));
        }
    }

    private Usages() {}

    /** Returns true when {@code name} is a known usage name or alias. */
    public static boolean isKnown(String name) {
        String key = normalise(name);
        return KEY_USAGE_BITS.containsKey(key) || EXTENDED_KEY_USAGES.containsKey(key);
    }

    /**
     * Returns the usages that a certificate gets: {@code usages}, or {@link #DEFAULT} when empty,
     * plus {@code cert sign} when {@code isCA}.
     */
    public static List<String> effective(List<String> usages, boolean isCA) {
        List<String> result = new ArrayList<>(usages == null || usages.isEmpty() ? DEFAULT : usages);
        if (isCA && result.stream().noneMatch(u -> normalise(u).equals(CERT_SIGN))) {
            result.add(CERT_SIGN);
        }
        return result;
    }

    /**
     * Encodes usage names.
     *
     * @throws PkiException if a name is not a known usage
     */
    public static Encoded encode(List<String> usages) throws PkiException {
        int bits = 0;
        Set<ASN1ObjectIdentifier> extended = new LinkedHashSet<>();
        for (String usage : usages) {
            String key = normalise(usage);
            if (KEY_USAGE_BITS.containsKey(key)) {
                bits |= KEY_USAGE_BITS.get(key);
            } else if (EXTENDED_KEY_USAGES.containsKey(key)) {
                extended.add(EXTENDED_KEY_USAGES.get(key));
            } else {
                throw new PkiException("unknown key usage \"" + usage + "\"");
            }
        }
        return new Encoded(bits, extended);
    }

    /**
     * Decodes KeyUsage and ExtendedKeyUsage values into usage names, KeyUsage names first. Either
     * argument may be null. An ExtendedKeyUsage OID with no cert-manager name is returned in dotted form.
     */
    public static List<String> decode(KeyUsage keyUsage, ExtendedKeyUsage extendedKeyUsage) {
        List<String> names = new ArrayList<>();
        if (keyUsage != null) {
            for (Map.Entry<String, Integer> entry : KEY_USAGE_BITS.entrySet()) {
                if (keyUsage.hasUsages(entry.getValue())) {
                    names.add(entry.getKey());
                }
            }
        }
        if (extendedKeyUsage != null) {
            for (KeyPurposeId purpose : extendedKeyUsage.getUsages()) {
                names.add(nameOf(purpose.toOID()));
            }
        }
        return names;
    }

    /** Decodes the KeyUsage bits of {@link java.security.cert.X509Certificate#getKeyUsage()} into names. */
    static List<String> decodeKeyUsage(boolean[] bits) {
        List<String> names = new ArrayList<>();
        if (bits == null) {
            return names;
        }
        String[] order = {
            "digital signature", "content commitment", "key encipherment", "data encipherment",
            "key agreement", "cert sign", "crl sign", "encipher only", "decipher only"
        };
        for (int i = 0; i < bits.length && i < order.length; i++) {
            if (bits[i]) {
                names.add(order[i]);
            }
        }
        return names;
    }

    /** Returns the cert-manager name of an ExtendedKeyUsage OID, or the dotted OID when it has none. */
    static String nameOf(ASN1ObjectIdentifier oid) {
        for (Map.Entry<String, ASN1ObjectIdentifier> entry : EXTENDED_KEY_USAGES.entrySet()) {
            if (entry.getValue().equals(oid)) {
                return entry.getKey();
            }
        }
        return oid.getId();
    }

    private static String normalise(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return ALIASES.getOrDefault(lower, lower);
    }
}
