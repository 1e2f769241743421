package io.certwright.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.IssuerCondition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConditionsUtilTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = Instant.parse("2026-01-01T01:00:00Z");

    private static Certificate certificate(long generation) {
        Certificate certificate = new Certificate();
        certificate.getMetadata().setName("app");
        certificate.getMetadata().setGeneration(generation);
        return certificate;
    }

    @Test
    void setAddsConditionToEmptyStatus() {
        Certificate certificate = certificate(3);
        ConditionsUtil.set(certificate, Conditions.READY, Conditions.TRUE, Conditions.REASON_READY,
                Conditions.MESSAGE_CERTIFICATE_READY, T0);

        CertificateCondition ready = ConditionsUtil.get(certificate, Conditions.READY).orElseThrow();
        assertThat(ready.getStatus()).isEqualTo("True");
        assertThat(ready.getReason()).isEqualTo("Ready");
        assertThat(ready.getMessage()).isEqualTo("Certificate is up to date and has not expired");
        assertThat(ready.getLastTransitionTime()).isEqualTo(T0);
        assertThat(ready.getObservedGeneration()).isEqualTo(3L);
    }

    @Test
    void sameStatusKeepsTransitionTime() {
        Certificate certificate = certificate(1);
        ConditionsUtil.set(certificate, Conditions.READY, Conditions.FALSE, "DoesNotExist", "first", T0);
        certificate.getMetadata().setGeneration(2L);
        ConditionsUtil.set(certificate, Conditions.READY, Conditions.FALSE, "MissingData", "second", T1);

        CertificateCondition ready = ConditionsUtil.get(certificate, Conditions.READY).orElseThrow();
        assertThat(ready.getLastTransitionTime()).isEqualTo(T0);
        assertThat(ready.getReason()).isEqualTo("MissingData");
        assertThat(ready.getMessage()).isEqualTo("second");
        assertThat(ready.getObservedGeneration()).isEqualTo(2L);
    }

    @Test
    void statusFlipMovesTransitionTime() {
        Certificate certificate = certificate(1);
        ConditionsUtil.set(certificate, Conditions.READY, Conditions.FALSE, "DoesNotExist", "", T0);
        ConditionsUtil.set(certificate, Conditions.READY, Conditions.TRUE, "Ready", "", T1);

        assertThat(ConditionsUtil.get(certificate, Conditions.READY).orElseThrow().getLastTransitionTime()).isEqualTo(T1);
    }

    @Test
    void oneConditionPerType() {
        Certificate certificate = certificate(1);
        ConditionsUtil.set(certificate, Conditions.READY, Conditions.FALSE, "a", "", T0);
        ConditionsUtil.set(certificate, Conditions.ISSUING, Conditions.TRUE, "b", "", T0);
        ConditionsUtil.set(certificate, Conditions.READY, Conditions.TRUE, "c", "", T1);

        assertThat(certificate.getStatus().getConditions()).extracting(CertificateCondition::getType)
                .containsExactly("Ready", "Issuing");
    }

    @Test
    void transitionTimeIsTruncatedToSeconds() {
        Certificate certificate = certificate(1);
        ConditionsUtil.set(certificate, Conditions.READY, Conditions.TRUE, "Ready", "", T0.plusMillis(999));

        assertThat(ConditionsUtil.get(certificate, Conditions.READY).orElseThrow().getLastTransitionTime()).isEqualTo(T0);
    }

    @Test
    void removeDeletesOnlyThatType() {
        Certificate certificate = certificate(1);
        ConditionsUtil.set(certificate, Conditions.READY, Conditions.TRUE, "Ready", "", T0);
        ConditionsUtil.set(certificate, Conditions.ISSUING, Conditions.TRUE, "Renewing", "", T0);

        assertThat(ConditionsUtil.remove(certificate, Conditions.ISSUING)).isTrue();
        assertThat(ConditionsUtil.get(certificate, Conditions.ISSUING)).isEmpty();
        assertThat(ConditionsUtil.isTrue(certificate, Conditions.READY)).isTrue();
    }

    @Test
    void missingConditionIsNotTrue() {
        assertThat(ConditionsUtil.isTrue(certificate(1), Conditions.READY)).isFalse();
    }

    @Test
    void requestConditionKeepsTransitionTimeOnSameStatus() {
        CertificateRequest request = new CertificateRequest();
        ConditionsUtil.set(request, Conditions.READY, Conditions.FALSE, Conditions.REASON_PENDING, "waiting", T0);
        ConditionsUtil.set(request, Conditions.READY, Conditions.FALSE, Conditions.REASON_FAILED, "failed", T1);

        assertThat(ConditionsUtil.get(request, Conditions.READY).orElseThrow().getLastTransitionTime()).isEqualTo(T0);
        assertThat(ConditionsUtil.get(request, Conditions.READY).orElseThrow().getReason()).isEqualTo("Failed");
    }

    @Test
    void issuerConditionRecordsGeneration() {
        ClusterIssuer issuer = new ClusterIssuer();
        issuer.getMetadata().setGeneration(7L);
        ConditionsUtil.set(issuer, Conditions.READY, Conditions.TRUE, Conditions.REASON_KEY_PAIR_VERIFIED,
                Conditions.MESSAGE_KEY_PAIR_VERIFIED, T0);

        IssuerCondition ready = ConditionsUtil.get(issuer, Conditions.READY).orElseThrow();
        assertThat(ready.getObservedGeneration()).isEqualTo(7L);
        assertThat(ready.getMessage()).isEqualTo("Signing CA verified");
    }
}
