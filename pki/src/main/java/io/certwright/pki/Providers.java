package io.certwright.pki;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.util.Properties;

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

    /** BouncyCastle setting that accepts certificates whose issuer name is empty. */
    private static final String ALLOW_EMPTY_ISSUER = "org.bouncycastle.x509.allow_empty_issuer_cert";

    private Providers() {
    }

    /** A step that builds or parses a certificate. */
    @FunctionalInterface
    interface CertificateStep<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code step} with BouncyCastle accepting an empty issuer name on this thread only.
     * RFC 5280 discourages such certificates, but cert-manager issues them for self-signed
     * Certificates that name only SANs, so Certwright must be able to issue and read them.
     */
    static <T, E extends Exception> T allowingEmptyIssuer(CertificateStep<T, E> step) throws E {
        boolean wasSet = Properties.isOverrideSet(ALLOW_EMPTY_ISSUER);
        Properties.setThreadOverride(ALLOW_EMPTY_ISSUER, true);
        try {
            return step.run();
        } finally {
            Properties.setThreadOverride(ALLOW_EMPTY_ISSUER, wasSet);
        }
    }
}
