package io.certwright.acme.dns01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Dns01ConfigTest {

    @Test
    void readsProviderStrategyAndNameservers() throws Exception {
        Dns01Config config = Dns01Config.parse(Map.of("cnameStrategy", "Follow", "nameservers", List.of("127.0.0.1:53"),
                "rfc2136", Map.of("nameserver", "127.0.0.1")));

        assertThat(config.followCname()).isTrue();
        assertThat(config.nameservers()).containsExactly("127.0.0.1:53");
        assertThat(config.providerName()).isEqualTo("rfc2136");
        assertThat(config.provider()).containsEntry("nameserver", "127.0.0.1");
    }

    @Test
    void strategyDefaultsToNone() throws Exception {
        assertThat(Dns01Config.parse(Map.of("rfc2136", Map.of())).followCname()).isFalse();
    }

    @Test
    void unknownStrategyRejected() {
        assertThatThrownBy(() -> Dns01Config.parse(Map.of("cnameStrategy", "Chase", "rfc2136", Map.of())))
                .hasMessage("dns01.cnameStrategy: invalid value \"Chase\": use None or Follow");
    }

    @Test
    void twoProvidersRejected() {
        assertThatThrownBy(() -> Dns01Config.parse(Map.of("cloudflare", Map.of(), "rfc2136", Map.of())))
                .hasMessageContaining("both cloudflare and rfc2136 are set");
    }

    @Test
    void noProviderRejected() {
        assertThatThrownBy(() -> Dns01Config.parse(Map.of("cnameStrategy", "None")))
                .hasMessageContaining("no DNS-01 provider configured");
    }

    @Test
    void unimplementedProviderNamedAsNotSupportedYet() throws Exception {
        Dns01Config config = Dns01Config.parse(Map.of("cloudflare", Map.of("email", "a@example.com")));

        assertThatThrownBy(() -> DnsProviders.defaults().create(config, (name, key, field) -> new byte[0]))
                .isInstanceOf(Dns01Exception.class)
                .hasMessage("DNS-01 provider \"cloudflare\" is not supported yet by Certwright; supported: rfc2136."
                        + " Use one of those, or an http01 solver");
    }

    @Test
    void registeredProviderCreated() throws Exception {
        DnsProvider fake = new DnsProvider() {
            @Override
            public void present(String fqdn, String zone, String value) {
            }

            @Override
            public void cleanUp(String fqdn, String zone, String value) {
            }
        };
        Dns01Config config = Dns01Config.parse(Map.of("webhook", Map.of("solverName", "s")));

        assertThat(DnsProviders.defaults().with("webhook", (settings, secrets) -> fake)
                .create(config, (name, key, field) -> new byte[0])).isSameAs(fake);
    }
}
