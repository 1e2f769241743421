package io.certwright.pki;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle provider instance this module uses, passed explicitly and never registered
 * globally, so applications embedding Certwright keep their own provider order.
 */
final class Providers {
    /**
     * Parses and builds X.509 certificates. The JDK's own certificate factory rejects an empty
     * issuer name, which a self-signed certificate for a Certificate with only SANs has, and
     * cert-manager issues those.
     */
    static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private Providers() {
    }
}
