package io.certwright.bench;

import io.certwright.pki.CertificateSigner;
import io.certwright.pki.CsrSpec;
import io.certwright.pki.Csrs;
import io.certwright.pki.KeyAlgorithm;
import io.certwright.pki.KeyEncoding;
import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import io.certwright.pki.SigningOptions;
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
        CertificateSigner.sign(Csrs.parse(csrPem.getBytes(StandardCharsets.US_ASCII)),
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
        X509Certificate certificate = CertificateSigner.sign(Csrs.parse(csrPem.getBytes(StandardCharsets.US_ASCII)),
                SigningOptions.builder().notBefore(Instant.now()).build(), caCertificate, caKey.getPrivate());
        return new Issued(PrivateKeys.encodePem(key.getPrivate(), KeyEncoding.PKCS1), csrPem,
                Pem.encodeCertificates(List.of(certificate, caCertificate)), Pem.encodeCertificates(List.of(caCertificate)));
    }

    /** PEM outputs of one issuance: the leaf key, the CSR, the leaf chain and the CA certificate. */
    record Issued(String keyPem, String csrPem, String chainPem, String caPem) {
    }
}
