package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CertificateManifestTest {
    private static final String CERTIFICATE = """
            apiVersion: cert-manager.io/v1
            kind: Certificate
            metadata:
              name: web
              namespace: demo
            spec:
              secretName: web-tls
              dnsNames: [web.demo.example]
              issuerRef:
                name: ca
            """;

    @TempDir
    Path work;

    @Test
    void readReturnsOnlyCertificate() throws IOException {
        Path file = Files.writeString(work.resolve("web.yaml"), "---\n" + CERTIFICATE + "---\n");

        Certificate certificate = CertificateManifest.read(file);

        assertThat(certificate.getMetadata().getName()).isEqualTo("web");
        assertThat(certificate.getMetadata().getNamespace()).isEqualTo("demo");
        assertThat(certificate.getSpec().getDnsNames()).containsExactly("web.demo.example");
    }

    @Test
    void readRejectsEmptyFile() throws IOException {
        Path file = Files.writeString(work.resolve("empty.yaml"), "# nothing\n");

        assertThatThrownBy(() -> CertificateManifest.read(file))
                .hasMessage("no objects found in manifest file \"" + file + "\". Expected one Certificate object");
    }

    @Test
    void readRejectsSeveralObjects() throws IOException {
        Path file = Files.writeString(work.resolve("two.yaml"), CERTIFICATE + "---\n" + CERTIFICATE);

        assertThatThrownBy(() -> CertificateManifest.read(file))
                .hasMessage("multiple objects found in manifest file \"" + file
                        + "\". Expected only one Certificate object");
    }

    @Test
    void readRejectsOtherKind() throws IOException {
        Path file = Files.writeString(work.resolve("issuer.yaml"), """
                apiVersion: cert-manager.io/v1
                kind: Issuer
                metadata:
                  name: ca
                spec:
                  selfSigned: {}
                """);

        assertThatThrownBy(() -> CertificateManifest.read(file))
                .hasMessageStartingWith("decoded object is not a v1 Certificate")
                .hasMessageContaining("kind \"Issuer\"");
    }
}
