package io.certwright.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Fixtures for tests: a fixed clock, cached keys and small CA hierarchies minted in code. */
final class TestPki {

    /** The fixed time that every test certificate is valid at. */
    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private static final List<KeyPair> EC_KEYS = new ArrayList<>();

    private TestPki() {}

    /** Returns the {@code index}-th cached P-256 key pair, generating it on first use. */
    static synchronized KeyPair ecKey(int index) {
        while (EC_KEYS.size() <= index) {
            EC_KEYS.add(PrivateKeys.generate(KeyAlgorithm.ECDSA, 256));
        }
        return EC_KEYS.get(index);
    }

    /** A certificate together with its private key. */
    record Issued(X509Certificate certificate, KeyPair key) {}

    static ParsedCsr csr(CsrSpec spec, KeyPair key) throws PkiException {
        return Csrs.parse(Csrs.buildPem(spec, key).getBytes(StandardCharsets.US_ASCII));
    }

    static Issued selfSignedCa(String commonName, KeyPair key) throws PkiException {
        ParsedCsr request = csr(CsrSpec.builder().commonName(commonName).isCA(true).build(), key);
        SigningOptions options = SigningOptions.builder().notBefore(NOW.minus(Duration.ofDays(1))).isCA(true).build();
        return new Issued(CertificateSigner.sign(request, options, null, key.getPrivate()), key);
    }

    static Issued intermediate(String commonName, KeyPair key, Issued parent) throws PkiException {
        ParsedCsr request = csr(CsrSpec.builder().commonName(commonName).isCA(true).build(), key);
        SigningOptions options = SigningOptions.builder().notBefore(NOW.minus(Duration.ofDays(1))).isCA(true).build();
        return new Issued(CertificateSigner.sign(request, options, parent.certificate(), parent.key().getPrivate()), key);
    }

    static Issued leaf(String dnsName, KeyPair key, Issued parent) throws PkiException {
        ParsedCsr request = csr(CsrSpec.builder().dnsNames(dnsName).build(), key);
        SigningOptions options = SigningOptions.builder().notBefore(NOW.minus(Duration.ofHours(1))).build();
        return new Issued(CertificateSigner.sign(request, options, parent.certificate(), parent.key().getPrivate()), key);
    }

    /** Returns true when an {@code openssl} binary is on the PATH. */
    static boolean opensslAvailable() {
        try {
            return run(List.of("openssl", "version"), null).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Exit code and combined output of a finished process. */
    record ProcessResult(int exitCode, String output) {}

    static ProcessResult run(List<String> command, Path directory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out after 60 s: " + command);
            }
            return new ProcessResult(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command, e);
        }
    }

    static Path writePem(Path directory, String name, List<X509Certificate> certificates) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, Pem.encodeCertificates(certificates), StandardCharsets.US_ASCII);
        return file;
    }
}
