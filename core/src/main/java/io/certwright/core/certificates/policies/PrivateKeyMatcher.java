package io.certwright.core.certificates.policies;

import io.certwright.api.Defaults;
import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.api.model.CertificateSpec;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.PrivateKeys;
import java.security.PrivateKey;
import java.util.List;

/**
 * Compares a private key with {@code spec.privateKey}. The encoding is deliberately not compared:
 * changing only {@code spec.privateKey.encoding} does not make the key out of date, and the key is
 * re-encoded at the next issuance.
 */
public final class PrivateKeyMatcher {

    /** Field path reported when the key algorithm differs. */
    public static final String ALGORITHM = "spec.privateKey.algorithm";

    /** Field path reported when the RSA modulus length or EC curve size differs. */
    public static final String SIZE = "spec.privateKey.size";

    private PrivateKeyMatcher() {}

    /**
     * Returns the field paths of {@code spec.privateKey} that {@code key} does not satisfy: an empty
     * list, {@code [spec.privateKey.algorithm]} or {@code [spec.privateKey.size]}. Unset fields take
     * their defaults (RSA, 2048 bits for RSA, 256 bits for ECDSA); Ed25519 has no size.
     */
    public static List<String> violations(PrivateKey key, CertificateSpec spec) {
        CertificatePrivateKey requested = spec == null ? null : spec.getPrivateKey();
        KeyAlgorithm expected = expectedAlgorithm(Defaults.algorithm(requested));
        KeyAlgorithm actual;
        try {
            actual = PrivateKeys.algorithmOf(key);
        } catch (IllegalArgumentException e) {
            return List.of(ALGORITHM);
        }
        if (actual != expected) {
            return List.of(ALGORITHM);
        }
        if (expected == KeyAlgorithm.ED25519) {
            return List.of();
        }
        return PrivateKeys.sizeOf(key) == Defaults.size(requested) ? List.of() : List.of(SIZE);
    }

    private static KeyAlgorithm expectedAlgorithm(String specAlgorithm) {
        switch (specAlgorithm) {
            case Defaults.ALGORITHM_ECDSA:
                return KeyAlgorithm.ECDSA;
            case Defaults.ALGORITHM_ED25519:
                return KeyAlgorithm.ED25519;
            default:
                // NOTE: an unknown algorithm is an error upstream; the CRD enum rejects it, so it is read as RSA here.
                return KeyAlgorithm.RSA;
        }
    }
}
