package io.certwright.bench;

import io.certwright.pki.CertificateSigner;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.ParsedCsr;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.SigningOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Measures the bare cryptographic cost of one issuance: generate a key, build and sign a CSR,
 * parse and verify it, and sign a certificate from a CA. No controller, store or file is
 * involved, so this is the rate Certwright's issuance path cannot beat with the same crypto code.
 */
final class CryptoFloor {
    private final KeyPair caKey;
    private final X509Certificate caCertificate;
    private final KeyAlgorithm algorithm;
    private final int size;

    CryptoFloor(KeyAlgorithm algorithm, int size) throws PkiException {
        this.algorithm = algorithm;
        this.size = size;
        this.caKey = PrivateKeys.generate(KeyAlgorithm.ECDSA, 256);
        CsrSpec caSpec = CsrSpec.builder().commonName("floor-ca").isCA(true).build();
        this.caCertificate = CertificateSigner.sign(
                Csrs.parse(Csrs.buildPem(caSpec, caKey).getBytes(StandardCharsets.US_ASCII)),
                SigningOptions.builder().notBefore(Instant.now()).duration(Duration.ofDays(365)).isCA(true).build(),
                null, caKey.getPrivate());
    }

    /** Issues {@code count} certificates on {@code threads} threads and returns the elapsed nanoseconds. */
    long run(int count, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        issueOne(i);
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private void issueOne(int index) throws PkiException {
        KeyPair key = PrivateKeys.generate(algorithm, size);
        CsrSpec spec = CsrSpec.builder().dnsNames(List.of("host-" + index + ".bench.example")).build();
        String csrPem = Csrs.buildPem(spec, key);
        CertificateSigner.sign(parseAndVerify(csrPem),
                SigningOptions.builder().notBefore(Instant.now()).build(), caCertificate, caKey.getPrivate());
    }

    /**
     * Issues one certificate as {@link #run} does and also encodes the key and certificate as PEM, so that
     * callers can store objects of the sizes a real issuance writes.
     */
    Issued issueEncoded(int index) throws PkiException {
        KeyPair key = PrivateKeys.generate(algorithm, size);
        CsrSpec spec = CsrSpec.builder().dnsNames(List.of("host-" + index + ".bench.example")).build();
        String csrPem = Csrs.buildPem(spec, key);
        X509Certificate certificate = CertificateSigner.sign(parseAndVerify(csrPem),
                SigningOptions.builder().notBefore(Instant.now()).build(), caCertificate, caKey.getPrivate());
        return new Issued(PrivateKeys.encodePem(key.getPrivate(), KeyEncoding.PKCS1), csrPem,
                Pem.encodeCertificates(List.of(certificate, caCertificate)), Pem.encodeCertificates(List.of(caCertificate)));
    }

    /**
     * Parses a CSR and verifies its signature every time. {@link Csrs#parse} skips the check for CSRs this
     * process built, as the runtime's issuers may, but the floor keeps the full cost of one issuance.
     */
    private static ParsedCsr parseAndVerify(String csrPem) throws PkiException {
        ParsedCsr csr = Csrs.parseUnverified(csrPem.getBytes(StandardCharsets.US_ASCII));
        try {
            if (!new PKCS10CertificationRequest(csr.encoded())
                    .isSignatureValid(new JcaContentVerifierProviderBuilder().build(csr.publicKey()))) {
                throw new PkiException("the floor's CSR signature is invalid");
            }
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new PkiException("verifying the floor's CSR failed: " + e.getMessage(), e);
        }
        return csr;
    }

    /** PEM outputs of one issuance: the leaf key, the CSR, the leaf chain and the CA certificate. */
    record Issued(String keyPem, String csrPem, String chainPem, String caPem) {
    }
}
