package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @ParameterizedTest(name = "{0} is written as {1}")
    @CsvSource({
        "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:db8::1, 2001:db8::1",
        "2001:DB8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "0:0:0:0:0:0:0:0, ::",
        "::1, ::1",
        "fe80:0:0:0:0:0:0:0, fe80::",
        "::ffff:192.0.2.1, 192.0.2.1",
        "192.0.2.1, 192.0.2.1"
    })
    void canonicalFormMatchesGo(String input, String expected) {
        assertThat(IpAddresses.canonical(input)).hasValue(expected);
    }

    @ParameterizedTest(name = "{0} is not an IP literal")
    @ValueSource(strings = {"300.1.1.1", "localhost", "example.com", "1.2", "2001:db8::1::2", "", "fe80::1%eth0"})
    void nonLiteralsAreRejected(String input) {
        assertThat(IpAddresses.parse(input)).isEmpty();
    }

    @Test
    void sameAddressesComparesParsedValues() {
        assertThat(IpAddresses.sameAddresses(List.of("2001:0DB8::0001", "10.0.0.1"), List.of("10.0.0.1", "2001:db8::1")))
                .isTrue();
        assertThat(IpAddresses.sameAddresses(List.of("2001:db8::1"), List.of("2001:db8::2"))).isFalse();
    }
}
