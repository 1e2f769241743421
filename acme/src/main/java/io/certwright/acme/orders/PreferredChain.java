package io.certwright.acme.orders;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Chooses among the certificate chains an ACME server offers. The result is the first chain, in the
 * server's order with the default chain first, whose top certificate's issuer has the preferred
 * common name. Without a match or a preference it is the default chain.
 */
final class PreferredChain {
    private PreferredChain() {
    }

    static List<X509Certificate> choose(List<List<X509Certificate>> chains, String preferredChain) {
        if (preferredChain != null && !preferredChain.isEmpty()) {
            for (List<X509Certificate> chain : chains) {
                if (preferredChain.equals(OrderSync.topIssuerCommonName(chain))) {
                    return chain;
                }
            }
        }
        return chains.get(0);
    }
}
