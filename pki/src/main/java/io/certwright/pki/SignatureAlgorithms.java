package io.certwright.pki;

import java.security.PublicKey;
import java.util.Map;

/**
 * The signature algorithm names of cert-manager's {@code spec.signatureAlgorithm} and their JCA names.
 *
 * <p>The default for a key follows its strength: RSA with a modulus of at least 4096 bits uses
 * SHA-512, at least 3072 bits SHA-384, otherwise SHA-256; ECDSA uses the hash that matches the
 * curve (P-521 SHA-512, P-384 SHA-384, P-256 SHA-256); Ed25519 is always pure Ed25519.
 */
final class SignatureAlgorithms {

    private static final Map<String, String> JCA_NAMES = Map.of(
            "SHA256WithRSA", "SHA256withRSA",
            "SHA384WithRSA", "SHA384withRSA",
            "SHA512WithRSA", "SHA512withRSA",
            "ECDSAWithSHA256", "SHA256withECDSA",
            "ECDSAWithSHA384", "SHA384withECDSA",
            "ECDSAWithSHA512", "SHA512withECDSA",
            "PureEd25519", "Ed25519");

    private SignatureAlgorithms() {}

    /** Returns the JCA signature algorithm name that {@code key} signs with by default. */
    static String defaultFor(PublicKey key) {
        int size = PrivateKeys.sizeOf(key);
        switch (PrivateKeys.algorithmOf(key)) {
            case RSA:
                return size >= 4096 ? "SHA512withRSA" : size >= 3072 ? "SHA384withRSA" : "SHA256withRSA";
            case ECDSA:
                return size >= 521 ? "SHA512withECDSA" : size >= 384 ? "SHA384withECDSA" : "SHA256withECDSA";
            default:
                return "Ed25519";
        }
    }

    /**
     * Returns the JCA name for a cert-manager signature algorithm name, or the default for {@code key}
     * when {@code name} is null or empty.
     *
     * @throws PkiException if the name is unknown or does not fit the key type
     */
    static String resolve(String name, PublicKey key) throws PkiException {
        if (name == null || name.isEmpty()) {
            return defaultFor(key);
        }
        String jcaName = JCA_NAMES.get(name);
        if (jcaName == null) {
            throw new PkiException("unsupported signature algorithm \"" + name + "\": expected one of "
                    + new java.util.TreeSet<>(JCA_NAMES.keySet()));
        }
        KeyAlgorithm algorithm = PrivateKeys.algorithmOf(key);
        boolean fits = (algorithm == KeyAlgorithm.RSA && jcaName.endsWith("withRSA"))
                || (algorithm == KeyAlgorithm.ECDSA && jcaName.endsWith("withECDSA"))
                || (algorithm == KeyAlgorithm.ED25519 && jcaName.equals("Ed25519"));
        if (!fits) {
            throw new PkiException("signature algorithm \"" + name + "\" cannot be used with a " + algorithm + " key");
        }
        return jcaName;
    }
}
