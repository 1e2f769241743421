package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.core.issuers.IssuerBackend;
import io.certwright.core.issuers.IssuerType;
import io.certwright.core.issuers.UnsupportedBackend;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesRuntimeSettingsTest {
    private static final IssuerBackend VAULT = new UnsupportedBackend(IssuerType.VAULT, "VaultError");
    private static final IssuerBackend OTHER_VAULT = new UnsupportedBackend(IssuerType.VAULT, "VaultError");
    private static final IssuerBackend ACME = new UnsupportedBackend(IssuerType.ACME, "ErrRegisterACMEAccount");

    @Test
    void defaultsReplaceNoIssuerBackend() {
        assertThat(KubernetesRuntimeSettings.defaults().issuerBackends()).isEmpty();
    }

    @Test
    void issuerBackendReplacesOneType() {
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withIssuerBackend(IssuerType.VAULT, VAULT)
                .withIssuerBackend(IssuerType.ACME, ACME)
                .withIssuerBackend(IssuerType.VAULT, OTHER_VAULT);

        assertThat(settings.issuerBackends()).containsOnlyKeys(IssuerType.VAULT, IssuerType.ACME);
        assertThat(settings.issuerBackends().get(IssuerType.VAULT)).isSameAs(OTHER_VAULT);
        assertThat(settings.issuerBackends().get(IssuerType.ACME)).isSameAs(ACME);
    }

    @Test
    void otherSettingsKeepIssuerBackends() {
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withIssuerBackend(IssuerType.VAULT, VAULT)
                .withControllers(List.of("*"))
                .withNamespace("demo")
                .withListenAddresses("127.0.0.1:0", "127.0.0.1:0")
                .withFeatureGates(FeatureGates.defaults())
                .withAcme(AcmeSettings.defaults())
                .withClock(Clock.systemUTC());

        assertThat(settings.issuerBackends()).containsOnlyKeys(IssuerType.VAULT);
        assertThat(settings.issuerBackends().get(IssuerType.VAULT)).isSameAs(VAULT);
    }

    @Test
    void issuerBackendsAreImmutable() {
        KubernetesRuntimeSettings settings = KubernetesRuntimeSettings.defaults()
                .withIssuerBackend(IssuerType.VAULT, VAULT);

        assertThatThrownBy(() -> settings.issuerBackends().put(IssuerType.ACME, ACME))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
