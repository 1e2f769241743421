package io.certwright.api;

import java.util.List;
import java.util.Set;

/** The key usage names accepted in {@code spec.usages}, as cert-manager spells them. */
public final class KeyUsages {
    // Key usages (bits of the X.509 KeyUsage extension).

    /** Same bit as {@link #DIGITAL_SIGNATURE}. */
    public static final String SIGNING = "signing";
    public static final String DIGITAL_SIGNATURE = "digital signature";
    public static final String CONTENT_COMMITMENT = "content commitment";
    public static final String KEY_ENCIPHERMENT = "key encipherment";
    public static final String KEY_AGREEMENT = "key agreement";
    public static final String DATA_ENCIPHERMENT = "data encipherment";
    public static final String CERT_SIGN = "cert sign";
    public static final String CRL_SIGN = "crl sign";
    public static final String ENCIPHER_ONLY = "encipher only";
    public static final String DECIPHER_ONLY = "decipher only";

    // Extended key usages.

    public static final String ANY = "any";
    public static final String SERVER_AUTH = "server auth";
    public static final String CLIENT_AUTH = "client auth";
    public static final String CODE_SIGNING = "code signing";
    public static final String EMAIL_PROTECTION = "email protection";
    /** Same extended key usage as {@link #EMAIL_PROTECTION}. */
    public static final String SMIME = "s/mime";
    public static final String IPSEC_END_SYSTEM = "ipsec end system";
    public static final String IPSEC_TUNNEL = "ipsec tunnel";
    public static final String IPSEC_USER = "ipsec user";
    public static final String TIMESTAMPING = "timestamping";
    public static final String OCSP_SIGNING = "ocsp signing";
    public static final String MICROSOFT_SGC = "microsoft sgc";
    public static final String NETSCAPE_SGC = "netscape sgc";

    /** Every accepted name, in the order of cert-manager's KeyUsage enum. */
    public static final List<String> ALL = List.of(
            SIGNING, DIGITAL_SIGNATURE, CONTENT_COMMITMENT, KEY_ENCIPHERMENT, KEY_AGREEMENT,
            DATA_ENCIPHERMENT, CERT_SIGN, CRL_SIGN, ENCIPHER_ONLY, DECIPHER_ONLY,
            ANY, SERVER_AUTH, CLIENT_AUTH, CODE_SIGNING, EMAIL_PROTECTION, SMIME,
            IPSEC_END_SYSTEM, IPSEC_TUNNEL, IPSEC_USER, TIMESTAMPING, OCSP_SIGNING,
            MICROSOFT_SGC, NETSCAPE_SGC);

    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private KeyUsages() {
    }

    /** Returns whether the name is one of {@link #ALL} (case-sensitive, like the CRD enum). */
    public static boolean isKnown(String usage) {
        return usage != null && KNOWN.contains(usage);
    }
}
