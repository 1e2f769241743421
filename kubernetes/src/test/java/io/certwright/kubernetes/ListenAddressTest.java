package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ListenAddressTest {
    @Test
    void hostAndPortAreParsed() {
        InetSocketAddress address = ListenAddress.parse("--metrics-listen-address", "127.0.0.1:9402");

        assertThat(address.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(address.getPort()).isEqualTo(9402);
    }

    @Test
    void emptyHostMeansEveryInterface() {
        InetSocketAddress address = ListenAddress.parse("--metrics-listen-address", ":9402");

        assertThat(address.getAddress().isAnyLocalAddress()).isTrue();
        assertThat(address.getPort()).isEqualTo(9402);
    }

    @Test
    void bracketedIpv6IsParsed() {
        InetSocketAddress address = ListenAddress.parse("--metrics-listen-address", "[::1]:0");

        assertThat(address.getAddress().isLoopbackAddress()).isTrue();
        assertThat(address.getPort()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"9402", "127.0.0.1:http", "127.0.0.1:70000"})
    void invalidAddressIsRejectedNamingFlag(String value) {
        assertThatThrownBy(() -> ListenAddress.parse("--internal-healthz-listen-address", value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--internal-healthz-listen-address")
                .hasMessageContaining(value);
    }
}
