package io.certwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0.0.0.0", "192.0.2.1", "255.255.255.255", "::", "::1", "2001:db8::1", "2001:DB8::1",
            "2001:0db8:0000:0000:0000:0000:0000:0001", "::ffff:192.0.2.1", "1::", "1:2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4"})
    void parsesAddress(String text) {
        assertThat(IpAddresses.parse(text)).isPresent();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "300.1.1.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.-4", "a.b.c.d", "2001:db8::1::2",
            ":::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "12345::", "[::1]", "fe80::1%eth0", "example.com", " 1.2.3.4"})
    void rejectsNonAddress(String text) {
        assertThat(IpAddresses.parse(text)).isEmpty();
    }

    @Test
    void expandedAndUpperCaseIpv6AreEqual() {
        assertThat(IpAddresses.equal("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1")).isTrue();
    }

    @Test
    void differentIpv6AreNotEqual() {
        assertThat(IpAddresses.equal("2001:db8::1", "2001:db8::2")).isFalse();
    }

    @Test
    void mappedIpv4EqualsIpv4() {
        assertThat(IpAddresses.equal("::ffff:192.0.2.1", "192.0.2.1")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.0.0.0/8", "192.0.2.0/32", "0.0.0.0/0", "2001:db8::/32", "::/128"})
    void acceptsCidr(String text) {
        assertThat(IpAddresses.isCidr(text)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"10.0.0.0", "10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/a", "300.0.0.0/8"})
    void rejectsNonCidr(String text) {
        assertThat(IpAddresses.isCidr(text)).isFalse();
    }
}
