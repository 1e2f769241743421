package io.certwright.webhook;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A server-side key manager that presents whatever {@link ServingKeySource} currently supplies,
 * so that a reloaded certificate takes effect on the next handshake. It offers its one alias
 * only for key types the serving key can sign with.
 */
final class ServingKeyManager extends X509ExtendedKeyManager {
    static final String ALIAS = "serving";

    private final ServingKeySource source;

    ServingKeyManager(ServingKeySource source) {
        this.source = source;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return matches(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? source.current().chain().toArray(X509Certificate[]::new) : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? source.current().privateKey() : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    /**
     * Matches the JSSE key type names: {@code RSA}, {@code EC}, {@code EdDSA}, {@code RSASSA-PSS},
     * and the TLS 1.2 forms such as {@code EC_EC} or {@code RSA_EC}, whose first part is the key.
     */
    private boolean matches(String keyType) {
        if (keyType == null) {
            return false;
        }
        String algorithm = source.current().privateKey().getAlgorithm();
        String keyPart = keyType.contains("_") ? keyType.substring(0, keyType.indexOf('_')) : keyType;
        if ("RSA".equals(algorithm)) {
            return "RSA".equals(keyPart) || "RSASSA-PSS".equals(keyPart);
        }
        if ("EC".equals(algorithm) || "ECDSA".equals(algorithm)) {
            return "EC".equals(keyPart);
        }
        if ("Ed25519".equals(algorithm) || "EdDSA".equals(algorithm)) {
            return "EdDSA".equals(keyPart) || "Ed25519".equals(keyPart);
        }
        return algorithm.equals(keyPart);
    }
}
