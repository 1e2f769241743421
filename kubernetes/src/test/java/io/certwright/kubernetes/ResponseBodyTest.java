package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseBodyTest {
    @Test
    void appendsAcrossChunkEnds() throws IOException {
        ResponseBody body = new ResponseBody(4);

        body.append((byte) 'a');
        body.append("bcdefghij".getBytes(StandardCharsets.US_ASCII));
        body.append((byte) 'k');
        body.append("xxlmnxx".getBytes(StandardCharsets.US_ASCII), 2, 3);
        body.appendUtf8("opq");
        body.appendDecimal(-1234567);

        byte[] expected = "abcdefghijklmnopq-1234567".getBytes(StandardCharsets.US_ASCII);
        assertThat(body.length()).isEqualTo(expected.length);
        assertThat(body.toByteArray()).isEqualTo(expected);
        assertThat(writtenBytes(body)).isEqualTo(expected);
    }

    @Test
    void emptyBodyWritesNothing() throws IOException {
        ResponseBody body = ResponseBody.of("");

        assertThat(body.length()).isZero();
        assertThat(body.toByteArray()).isEmpty();
        assertThat(writtenBytes(body)).isEmpty();
    }

    @Test
    void textBodyIsUtf8() {
        ResponseBody body = ResponseBody.of("[+]ping ok ✓\n");

        assertThat(body.toByteArray()).isEqualTo("[+]ping ok ✓\n".getBytes(StandardCharsets.UTF_8));
        assertThat(body.toString()).isEqualTo("[+]ping ok ✓\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"plain ascii", "Ünïcødé", "kind 🔐 with a surrogate pair", "lone high \uD83D",
        "\uDC10 lone low", "a\uD83Db", "tab\tand\u007f delete", "\u0080\u07ff\u0800\uffff"})
    void utf8MatchesStringGetBytes(String text) {
        ResponseBody body = new ResponseBody(3);

        body.appendUtf8(text);

        assertThat(body.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, 7, -1, 10, -10, 1_796_119_200L, 999_999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE})
    void decimalMatchesLongToString(long value) {
        ResponseBody body = new ResponseBody(5);

        body.appendDecimal(value);

        assertThat(body.toString()).isEqualTo(Long.toString(value));
    }

    @Test
    void chunkSizeMustBePositive() {
        assertThatThrownBy(() -> new ResponseBody(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunk size must be positive");
    }

    private static byte[] writtenBytes(ResponseBody body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.writeTo(out);
        return out.toByteArray();
    }
}
