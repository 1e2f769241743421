package io.certwright.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.pki.Pem;
import io.certwright.pki.PrivateKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Runs the quickstart example through the real runtime once and checks what it issued with openssl, keytool and JDK TLS. */
class QuickstartEndToEndTest {
    private static final String KEYSTORE_PASSWORD = "change-me-quickstart";

    @TempDir
    static Path work;

    static Path directory;
    static List<CertificateReadiness> readiness;
    static List<InputProblem> problems;

    @BeforeAll
    static void runQuickstart() {
        directory = Fixtures.copyQuickstart(work.resolve("quickstart"));
        try (LocalRuntime runtime = LocalRuntime.open(Fixtures.settings(directory, Fixtures.clockAtNow()))) {
            problems = runtime.problems();
            readiness = runtime.runOnce();
        }
    }

    static Path secretDirectory(String namespace, String name) throws IOException {
        return directory.resolve(".certwright/secrets").resolve(namespace).resolve(name).toRealPath();
    }

    @Test
    void everyCertificateIsReady() {
        assertThat(problems).isEmpty();
        assertThat(readiness).hasSize(4);
        assertThat(readiness).allSatisfy(entry -> assertThat(entry.ready()).as(entry.describe()).isTrue());
    }

    @Test
    void keyFilesAreOwnerOnly() throws IOException {
        Path files = secretDirectory("demo", "java-app-tls");

        assertThat(SecretFilesTest.mode(files.resolve("tls.key"))).isEqualTo("rw-------");
        assertThat(SecretFilesTest.mode(files.resolve("keystore.jks"))).isEqualTo("rw-------");
        assertThat(SecretFilesTest.mode(files.resolve("keystore.p12"))).isEqualTo("rw-------");
        assertThat(SecretFilesTest.mode(files.resolve("tls.crt"))).isEqualTo("rw-r--r--");
        assertThat(SecretFilesTest.mode(files)).isEqualTo("rwx------");
        assertThat(SecretFilesTest.mode(directory.resolve(".certwright"))).isEqualTo("rwx------");
        assertThat(SecretFilesTest.mode(directory.resolve(".certwright/secrets/demo"))).isEqualTo("rwx------");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"web-tls", "java-app-tls", "worker-identity-tls"})
    void leafVerifiesAgainstCaWithOpenssl(String secret) throws Exception {
        Assumptions.assumeTrue(onPath("openssl"), "openssl is not installed");
        Path files = secretDirectory("demo", secret);

        Process verify = new ProcessBuilder("openssl", "verify", "-CAfile", files.resolve("ca.crt").toString(),
                "-untrusted", files.resolve("tls.crt").toString(), files.resolve("tls.crt").toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(verify.waitFor()).as(output).isZero();
        assertThat(output).contains(": OK");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"web-tls", "java-app-tls", "worker-identity-tls"})
    void leafChainHoldsNoSelfSignedCertificate(String secret) throws Exception {
        List<X509Certificate> chain = Pem.parseCertificates(Files.readAllBytes(secretDirectory("demo", secret)
                .resolve("tls.crt")));

        assertThat(chain).isNotEmpty();
        assertThat(chain).allSatisfy(certificate -> assertThat(certificate.getSubjectX500Principal())
                .isNotEqualTo(certificate.getIssuerX500Principal()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"keystore.jks", "keystore.p12", "truststore.jks", "truststore.p12"})
    void keytoolOpensKeystore(String file) throws Exception {
        Assumptions.assumeTrue(onPath("keytool"), "keytool is not installed");
        Path keystore = secretDirectory("demo", "java-app-tls").resolve(file);

        Process list = new ProcessBuilder("keytool", "-list", "-keystore", keystore.toString(), "-storepass",
                KEYSTORE_PASSWORD).redirectErrorStream(true).start();
        String output = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(list.waitFor()).as(output).isZero();
        assertThat(output).containsIgnoringCase(file.startsWith("keystore") ? "PrivateKeyEntry" : "trustedCertEntry");
    }

    @Test
    void tlsHandshakeSucceedsWithIssuedKeyAndChain() throws Exception {
        Path files = secretDirectory("demo", "web-tls");
        PrivateKey key = PrivateKeys.parsePem(Files.readAllBytes(files.resolve("tls.key")));
        List<X509Certificate> chain = Pem.parseCertificates(Files.readAllBytes(files.resolve("tls.crt")));
        List<X509Certificate> cas = Pem.parseCertificates(Files.readAllBytes(files.resolve("ca.crt")));

        KeyStore serverStore = KeyStore.getInstance("PKCS12");
        serverStore.load(null, null);
        serverStore.setKeyEntry("web", key, new char[0], chain.toArray(new X509Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(serverStore, new char[0]);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("ca", cas.get(0));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trustStore);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers.getTrustManagers(), null);

        try (SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<String> served = CompletableFuture.supplyAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) server.accept()) {
                    accepted.getOutputStream().write('k');
                    accepted.getOutputStream().flush();
                    return accepted.getSession().getProtocol();
                } catch (IOException e) {
                    return "failed: " + e;
                }
            });
            try (SSLSocket client = (SSLSocket) clientContext.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setServerNames(List.of(new SNIHostName("localhost")));
                client.setSSLParameters(parameters);
                client.startHandshake();
                InputStream in = client.getInputStream();
                OutputStream ignored = client.getOutputStream();

                assertThat(in.read()).isEqualTo('k');
                assertThat(client.getSession().getPeerCertificates()[0]).isEqualTo(chain.get(0));
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).startsWith("TLS");
        }
    }

    static boolean onPath(String program) {
        List<String> directories = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(":")));
        return directories.stream().anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
    }
}
