package io.certwright.acme.client;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The trust the ACME client applies to the server's TLS certificate: the JDK's default trust store, only the
 * certificates of the issuer's {@code caBundle}, or nothing at all ({@code skipTLSVerify}, which also
 * skips the host name check).
 */
public sealed interface TlsTrust {

    /** Builds the SSL context that an HTTP client uses with this trust. */
    SSLContext sslContext() throws GeneralSecurityException;

    /** The JDK's default trust store. */
    record SystemDefault() implements TlsTrust {
        @Override
        public SSLContext sslContext() throws GeneralSecurityException {
            return SSLContext.getDefault();
        }
    }

    /** Only the given CA certificates, as cert-manager uses {@code caBundle} instead of the system pool. */
    record Bundle(List<X509Certificate> certificates) implements TlsTrust {
        public Bundle {
            certificates = List.copyOf(certificates);
        }

        @Override
        public SSLContext sslContext() throws GeneralSecurityException {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            try {
                store.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException("creating an empty trust store failed", e);
            }
            for (int i = 0; i < certificates.size(); i++) {
                store.setCertificateEntry("ca-" + i, certificates.get(i));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), new SecureRandom());
            return context;
        }
    }

    /** Accepts any server certificate and any host name. */
    record SkipVerify() implements TlsTrust {
        @Override
        public SSLContext sslContext() throws GeneralSecurityException {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingManager()}, new SecureRandom());
            return context;
        }
    }

    /**
     * Trusts every chain. An {@link X509ExtendedTrustManager} is used because the JDK then leaves the
     * host name check to it, and this one does none.
     */
    final class TrustingManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
