package io.certwright.webhook;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** Supplies the webhook's TLS serving key and certificate chain. Implementations are thread-safe. */
public interface ServingKeySource {
    /** Returns the key and chain to present now; called on every TLS handshake, so it must be cheap. */
    KeyMaterial current();

    /** A private key and its certificate chain, leaf first. */
    record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {
        public KeyMaterial {
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the serving certificate chain is empty");
            }
            chain = List.copyOf(chain);
        }
    }

    /** Returns a source that always presents the same key and chain, for tests and generated certificates. */
    static ServingKeySource fixed(PrivateKey privateKey, List<X509Certificate> chain) {
        KeyMaterial material = new KeyMaterial(privateKey, chain);
        return () -> material;
    }
}
