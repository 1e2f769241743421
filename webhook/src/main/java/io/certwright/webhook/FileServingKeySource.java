package io.certwright.webhook;

import io.certwright.pki.Pem;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the serving certificate and key from PEM files ({@code --tls-cert-file},
 * {@code --tls-private-key-file}) and reads them again when either file's modification time
 * changes, so a renewed certificate mounted from a Secret is served without a restart.
 * A failed reload keeps the previous pair and logs the error.
 */
public final class FileServingKeySource implements ServingKeySource {
    private static final Logger log = LoggerFactory.getLogger(FileServingKeySource.class);

    /**
     * How often a handshake may check the files: a kubelet updates a mounted Secret within about a
     * minute, so ten seconds adds little delay and keeps file checks off most handshakes.
     */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(10);

    private final Path certificateFile;
    private final Path privateKeyFile;
    private final Clock clock;
    private KeyMaterial material;
    private FileTime certificateModified;
    private FileTime privateKeyModified;
    private Instant nextCheck;

    private FileServingKeySource(Path certificateFile, Path privateKeyFile, Clock clock) {
        this.certificateFile = certificateFile;
        this.privateKeyFile = privateKeyFile;
        this.clock = clock;
    }

    /**
     * Loads the pair once.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read, contains no PEM
     *     certificate or key, or the key does not belong to the first certificate
     */
    public static FileServingKeySource load(Path certificateFile, Path privateKeyFile, Clock clock) {
        FileServingKeySource source = new FileServingKeySource(certificateFile, privateKeyFile, clock);
        try {
            source.reload();
        } catch (IOException | PkiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return source;
    }

    @Override
    public synchronized KeyMaterial current() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return material;
        }
        nextCheck = now.plus(CHECK_INTERVAL);
        try {
            if (!Files.getLastModifiedTime(certificateFile).equals(certificateModified)
                    || !Files.getLastModifiedTime(privateKeyFile).equals(privateKeyModified)) {
                reload();
                log.info("serving certificate reloaded: certificate_file={} subject={} not_after={}", certificateFile,
                        material.chain().get(0).getSubjectX500Principal(), material.chain().get(0).getNotAfter());
            }
        } catch (IOException | PkiException e) {
            log.error("reloading the serving certificate failed, still serving the previous one:"
                    + " certificate_file={} private_key_file={}: {}", certificateFile, privateKeyFile, e.getMessage());
        }
        return material;
    }

    private static FileTime modifiedTime(String flag, Path file) throws IOException, PkiException {
        try {
            return Files.getLastModifiedTime(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new PkiException(flag + " " + file + " does not exist; give the path of the PEM file", e);
        }
    }

    private void reload() throws IOException, PkiException {
        FileTime certificateTime = modifiedTime("--tls-cert-file", certificateFile);
        FileTime keyTime = modifiedTime("--tls-private-key-file", privateKeyFile);
        List<X509Certificate> chain;
        try {
            chain = Pem.parseCertificates(Files.readAllBytes(certificateFile));
        } catch (PkiException e) {
            throw new PkiException("reading --tls-cert-file " + certificateFile + " failed: " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new PkiException("--tls-cert-file " + certificateFile + " contains no PEM CERTIFICATE block");
        }
        PrivateKey key;
        try {
            key = PrivateKeys.parsePem(Files.readAllBytes(privateKeyFile));
        } catch (PkiException e) {
            throw new PkiException("reading --tls-private-key-file " + privateKeyFile + " failed: " + e.getMessage(), e);
        }
        if (!PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(key), chain.get(0).getPublicKey())) {
            throw new PkiException("the private key in " + privateKeyFile + " does not belong to the first certificate"
                    + " in " + certificateFile + "; give the key of the serving certificate");
        }
        material = new KeyMaterial(key, chain);
        certificateModified = certificateTime;
        privateKeyModified = keyTime;
        nextCheck = clock.instant().plus(CHECK_INTERVAL);
    }
}
