package io.certwright.api;

/** Data keys of the Secret that contains an issued certificate. */
public final class SecretKeys {
    /** PEM certificate chain, leaf first. */
    public static final String TLS_CERT = "tls.crt";
    /** PEM private key. */
    public static final String TLS_KEY = "tls.key";
    /** PEM CA certificate, when the issuer provides one. */
    public static final String CA_CERT = "ca.crt";
    public static final String KEYSTORE_JKS = "keystore.jks";
    public static final String TRUSTSTORE_JKS = "truststore.jks";
    public static final String KEYSTORE_PKCS12 = "keystore.p12";
    public static final String TRUSTSTORE_PKCS12 = "truststore.p12";
    /** DER private key, from the {@code DER} additional output format. */
    public static final String KEY_DER = "key.der";
    /** Private key followed by the chain, from the {@code CombinedPEM} additional output format. */
    public static final String TLS_COMBINED_PEM = "tls-combined.pem";

    /** Secret type of issued Secrets. */
    public static final String TLS_SECRET_TYPE = "kubernetes.io/tls";

    private SecretKeys() {
    }
}
