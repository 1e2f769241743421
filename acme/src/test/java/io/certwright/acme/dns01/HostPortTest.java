package io.certwright.acme.dns01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "'127.0.0.1:5353', 127.0.0.1, 5353",
        "'[::1]:5353', ::1, 5353",
        "'[2001:db8::53]:53', 2001:db8::53, 53",
        "'ns1.example.com:53', ns1.example.com, 53",
        "' 10.0.0.1:53 ', 10.0.0.1, 53",
    })
    void parsesHostAndPort(String value, String host, int port) {
        assertThat(HostPort.parse(value, 0)).isEqualTo(new HostPort(host, port));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'10.0.0.1', 10.0.0.1", "'[::1]', ::1", "'ns1.example.com', ns1.example.com"})
    void defaultPortFillsMissingPort(String value, String host) {
        assertThat(HostPort.parse(value, 53)).isEqualTo(new HostPort(host, 53));
    }

    @Test
    void missingPortRejectedWhenRequired() {
        assertThatThrownBy(() -> HostPort.parse("127.0.0.1", 0))
                .hasMessageContaining("'127.0.0.1'").hasMessageContaining("the port is missing");
    }

    @Test
    void bareIpv6RejectedWithBracketHint() {
        assertThatThrownBy(() -> HostPort.parse("::1:53", 53))
                .hasMessageContaining("put an IPv6 address in brackets");
    }

    @ParameterizedTest(name = "[{0}]")
    @CsvSource({"'127.0.0.1:0'", "'127.0.0.1:65536'", "'127.0.0.1:dns'", "':53'", "'[::1'", "'[::1]53'", "''"})
    void invalidValuesRejected(String value) {
        assertThatThrownBy(() -> HostPort.parse(value, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid nameserver");
    }

    @Test
    void ipv6PrintedInBrackets() {
        assertThat(new HostPort("::1", 53)).hasToString("[::1]:53");
        assertThat(new HostPort("127.0.0.1", 53)).hasToString("127.0.0.1:53");
    }
}
