package io.certwright.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WebhookFeatureGatesTest {

    @Test
    void defaultValuesAccepted() {
        assertThatCode(() -> WebhookFeatureGates.check("OtherNames=true, NameConstraints=true")).doesNotThrowAnyException();
    }

    @Test
    void nonDefaultValueRejected() {
        assertThatThrownBy(() -> WebhookFeatureGates.check("LiteralCertificateSubject=false"))
                .hasMessage("feature gate LiteralCertificateSubject=false is not supported: Certwright implements it"
                        + " only at its default LiteralCertificateSubject=true");
    }

    @Test
    void unknownGateRejected() {
        assertThatThrownBy(() -> WebhookFeatureGates.check("ExperimentalGatewayAPISupport=true"))
                .hasMessageStartingWith("unknown webhook feature gate ExperimentalGatewayAPISupport");
    }

    @Test
    void missingValueRejected() {
        assertThatThrownBy(() -> WebhookFeatureGates.check("OtherNames"))
                .hasMessageContaining("expected NAME=true or NAME=false");
    }
}
