package io.certwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Spot checks that constants carry cert-manager's exact spelling, which tools and dashboards match on. */
class ConstantsTest {

    static Stream<Arguments> constants() {
        return Stream.of(
                Arguments.of("certificate name annotation", Annotations.CERTIFICATE_NAME, "cert-manager.io/certificate-name"),
                Arguments.of("organizational units annotation", Annotations.SUBJECT_ORGANIZATIONAL_UNITS,
                        "cert-manager.io/subject-organizationalunits"),
                Arguments.of("revision annotation", Annotations.CERTIFICATE_REVISION, "cert-manager.io/certificate-revision"),
                Arguments.of("fao label", Annotations.FAO_LABEL, "controller.cert-manager.io/fao"),
                Arguments.of("next private key label", Annotations.NEXT_PRIVATE_KEY_LABEL, "cert-manager.io/next-private-key"),
                Arguments.of("direct injection", Annotations.ALLOW_DIRECT_INJECTION, "cert-manager.io/allow-direct-injection"),
                Arguments.of("temporary certificate", Annotations.ISSUE_TEMPORARY_CERTIFICATE,
                        "cert-manager.io/issue-temporary-certificate"),
                Arguments.of("invalid request type", Conditions.INVALID_REQUEST, "InvalidRequest"),
                Arguments.of("approver reason", Conditions.REASON_APPROVED_BY_CERT_MANAGER, "cert-manager.io"),
                Arguments.of("ACME registered reason", Conditions.REASON_ACME_ACCOUNT_REGISTERED, "ACMEAccountRegistered"),
                Arguments.of("Venafi ready reason", Conditions.REASON_VENAFI_STARTED, "Certificate Manager issuer started"),
                Arguments.of("combined PEM key", SecretKeys.TLS_COMBINED_PEM, "tls-combined.pem"),
                Arguments.of("PKCS#12 truststore key", SecretKeys.TRUSTSTORE_PKCS12, "truststore.p12"),
                Arguments.of("DER key", SecretKeys.KEY_DER, "key.der"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constants")
    void constantHasCertManagerSpelling(String name, String actual, String expected) {
        assertThat(actual).isEqualTo(expected);
    }
}
