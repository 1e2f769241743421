package io.certwright.webhook;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * Listen addresses and TLS settings of the webhook.
 *
 * @param secureAddress the HTTPS address of {@code /validate} and {@code /mutate}
 * @param healthAddress the plain HTTP address of {@code /healthz} and {@code /livez}, or null for none
 * @param tlsMinVersion the lowest TLS version accepted, as JSSE names it ({@code TLSv1.2}, {@code TLSv1.3})
 * @param cipherSuites the cipher suites to offer for TLS 1.2 by their IANA names, or empty for the JDK defaults
 */
public record WebhookServerSettings(InetSocketAddress secureAddress, InetSocketAddress healthAddress,
                                    String tlsMinVersion, List<String> cipherSuites) {
    /** cert-manager's webhook default HTTPS port. */
    public static final int DEFAULT_SECURE_PORT = 6443;
    /** cert-manager's webhook default health port. */
    public static final int DEFAULT_HEALTHZ_PORT = 6080;
    public static final String DEFAULT_TLS_MIN_VERSION = "TLSv1.2";

    public WebhookServerSettings {
        cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
        checkCipherSuitesSupported(cipherSuites);
        tlsMinVersion = tlsMinVersion == null ? DEFAULT_TLS_MIN_VERSION : tlsMinVersion;
        if (!tlsMinVersion.equals("TLSv1.2") && !tlsMinVersion.equals("TLSv1.3")) {
            throw new IllegalArgumentException("unsupported minimum TLS version " + tlsMinVersion
                    + "; use TLSv1.2 or TLSv1.3");
        }
    }

    /**
     * Rejects cipher suites this JDK does not support: the TLS stack would otherwise start and then reset
     * every connection, with nothing logged.
     */
    private static void checkCipherSuitesSupported(List<String> cipherSuites) {
        if (cipherSuites.isEmpty()) {
            return;
        }
        java.util.Set<String> supported;
        try {
            supported = java.util.Set.of(javax.net.ssl.SSLContext.getDefault().getSupportedSSLParameters()
                    .getCipherSuites());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK provides no default TLS context", e);
        }
        List<String> unsupported = cipherSuites.stream().filter(suite -> !supported.contains(suite)).toList();
        if (!unsupported.isEmpty()) {
            throw new IllegalArgumentException("unsupported TLS cipher suites " + unsupported + "; use IANA names"
                    + " that this JDK supports, such as TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        }
    }

    /** Returns the protocols to enable: the minimum version and every newer one. */
    List<String> protocols() {
        return tlsMinVersion.equals("TLSv1.3") ? List.of("TLSv1.3") : List.of("TLSv1.3", "TLSv1.2");
    }
}
