package io.certwright.webhook;

import io.certwright.pki.CertificateSigner;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.ParsedCsr;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.SigningOptions;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A CA and a serving certificate signed by it, generated in memory with ECDSA P-256 keys. The
 * CA certificate is what a webhook configuration's {@code caBundle} must contain. Meant for tests
 * and local setups; a cluster installation mounts a certificate issued by Certwright itself.
 *
 * @param caCertificate the self-signed CA
 * @param keys the serving key and the chain (serving certificate, then the CA)
 */
public record GeneratedServingCertificate(X509Certificate caCertificate, ServingKeySource keys) {
    private static final String CA_COMMON_NAME = "certwright-webhook-ca";

    /**
     * Generates a CA valid for {@code validity} and a serving certificate for the given names.
     *
     * @param dnsNames DNS names of the serving certificate, such as the webhook Service's names
     * @param ipAddresses IP addresses of the serving certificate, such as {@code 127.0.0.1}
     */
    public static GeneratedServingCertificate generate(List<String> dnsNames, List<String> ipAddresses,
                                                       Duration validity, Clock clock) {
        try {
            KeyPair caKey = PrivateKeys.generate(KeyAlgorithm.ECDSA, PrivateKeys.DEFAULT_ECDSA_SIZE);
            ParsedCsr caRequest = Csrs.parse(Csrs.buildPem(CsrSpec.builder().commonName(CA_COMMON_NAME)
                    .isCA(true).usages("cert sign", "digital signature").build(), caKey)
                    .getBytes(StandardCharsets.US_ASCII));
            X509Certificate ca = CertificateSigner.sign(caRequest, SigningOptions.builder()
                    .notBefore(clock.instant()).duration(validity).isCA(true)
                    .usages("cert sign", "digital signature").build(), null, caKey.getPrivate());

            KeyPair servingKey = PrivateKeys.generate(KeyAlgorithm.ECDSA, PrivateKeys.DEFAULT_ECDSA_SIZE);
            String commonName = dnsNames.isEmpty() ? "certwright-webhook" : dnsNames.get(0);
            ParsedCsr servingRequest = Csrs.parse(Csrs.buildPem(CsrSpec.builder().commonName(commonName)
                    .dnsNames(dnsNames).ipAddresses(ipAddresses)
                    .usages("digital signature", "server auth").build(), servingKey)
                    .getBytes(StandardCharsets.US_ASCII));
            X509Certificate serving = CertificateSigner.sign(servingRequest, SigningOptions.builder()
                    .notBefore(clock.instant()).duration(validity)
                    .usages("digital signature", "server auth").build(), ca, caKey.getPrivate());
            return new GeneratedServingCertificate(ca, ServingKeySource.fixed(servingKey.getPrivate(),
                    List.of(serving, ca)));
        } catch (PkiException e) {
            throw new IllegalStateException("generating the webhook serving certificate failed: " + e.getMessage(), e);
        }
    }

    /** Returns the CA certificate in PEM, the value to base64-encode into {@code caBundle}. */
    public String caPem() {
        return Pem.encodeCertificates(List.of(caCertificate));
    }
}
