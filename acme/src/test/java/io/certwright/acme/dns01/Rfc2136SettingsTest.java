package io.certwright.acme.dns01;

import static io.certwright.acme.dns01.FakeDnsClient.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.TSIG;

class Rfc2136SettingsTest {
    private static final String SECRET = "c2VjcmV0LXRzaWcta2V5LWZvci10ZXN0cw==";

    private final Map<String, byte[]> secrets = new HashMap<>();
    private final SecretReader reader = (name, key, field) -> {
        byte[] value = secrets.get(name + "/" + key);
        if (value == null) {
            throw new Dns01Exception("Secret " + name + " key " + key + " missing, referenced by " + field);
        }
        return value;
    };

    @Test
    void defaultsToHmacMd5AndUdpOnPort53() throws Exception {
        Rfc2136Settings settings = Rfc2136Settings.parse(Map.of("nameserver", "10.0.0.53"), reader);

        assertThat(settings.nameserver()).isEqualTo(new HostPort("10.0.0.53", 53));
        assertThat(settings.tsigAlgorithm()).isEqualTo(TSIG.HMAC_MD5);
        assertThat(settings.tcp()).isFalse();
        assertThat(settings.tsig()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"HMACMD5, hmac-md5.sig-alg.reg.int.", "hmacsha1, hmac-sha1.", "HmacSha256, hmac-sha256.",
        "HMACSHA512, hmac-sha512."})
    void algorithmNamesMatchedCaseInsensitively(String value, String expected) throws Exception {
        assertThat(Rfc2136Settings.algorithm(value)).isEqualTo(name(expected));
    }

    @Test
    void unknownAlgorithmRejectedWithChoices() {
        assertThatThrownBy(() -> Rfc2136Settings.algorithm("HMACSHA384"))
                .isInstanceOf(Dns01Exception.class)
                .hasMessage("dns01.rfc2136.tsigAlgorithm: algorithm 'HMACSHA384' is not supported; use one of"
                        + " HMACMD5, HMACSHA1, HMACSHA256, HMACSHA512");
    }

    @Test
    void tsigKeyBuiltFromSecret() throws Exception {
        secrets.put("tsig/secret", (SECRET + "\n").getBytes(StandardCharsets.UTF_8));

        Rfc2136Settings settings = Rfc2136Settings.parse(Map.of("nameserver", "[::1]:5353",
                "tsigKeyName", "certwright-key", "tsigAlgorithm", "HMACSHA256", "protocol", "TCP",
                "tsigSecretSecretRef", Map.of("name", "tsig", "key", "secret")), reader);

        assertThat(settings.nameserver()).isEqualTo(new HostPort("::1", 5353));
        assertThat(settings.tsigKeyName()).isEqualTo(name("certwright-key."));
        assertThat(settings.tsigAlgorithm()).isEqualTo(TSIG.HMAC_SHA256);
        assertThat(settings.tsig()).isNotNull();
        assertThat(settings.tcp()).isTrue();
        assertThat(settings.toString()).doesNotContain(SECRET);
    }

    @Test
    void keyNameWithoutSecretRefSendsUnsigned() throws Exception {
        Rfc2136Settings settings = Rfc2136Settings.parse(Map.of("nameserver", "10.0.0.53:53",
                "tsigKeyName", "certwright-key"), reader);

        assertThat(settings.tsig()).isNull();
    }

    @Test
    void invalidBase64SecretRejectedWithoutValue() {
        secrets.put("tsig/secret", "not*base64*secret".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Rfc2136Settings.parse(Map.of("nameserver", "10.0.0.53",
                        "tsigKeyName", "k", "tsigSecretSecretRef", Map.of("name", "tsig", "key", "secret")), reader))
                .isInstanceOf(Dns01Exception.class)
                .hasMessageContaining("is not valid base64")
                .hasMessageContaining("\"tsig\"")
                .message().doesNotContain("not*base64*secret");
    }

    @Test
    void missingSecretReported() {
        assertThatThrownBy(() -> Rfc2136Settings.parse(Map.of("nameserver", "10.0.0.53",
                        "tsigKeyName", "k", "tsigSecretSecretRef", Map.of("name", "tsig", "key", "secret")), reader))
                .hasMessageContaining("dns01.rfc2136.tsigSecretSecretRef");
    }

    @Test
    void missingNameserverRejected() {
        assertThatThrownBy(() -> Rfc2136Settings.parse(Map.of(), reader))
                .hasMessageStartingWith("dns01.rfc2136.nameserver: invalid nameserver ''");
    }

    @Test
    void unknownProtocolRejected() {
        assertThatThrownBy(() -> Rfc2136Settings.parse(Map.of("nameserver", "10.0.0.53", "protocol", "QUIC"), reader))
                .hasMessage("dns01.rfc2136.protocol: invalid value \"QUIC\": use UDP or TCP");
    }

    @Test
    void tsigFudgeIs300Seconds() {
        // cert-manager signs updates with a fudge of 300 s; dnsjava's TSIG always uses this constant.
        assertThat(TSIG.FUDGE).isEqualTo(Duration.ofSeconds(300));
    }
}
