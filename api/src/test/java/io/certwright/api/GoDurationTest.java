package io.certwright.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class GoDurationTest {

    static Stream<Arguments> parses() {
        return Stream.of(
                Arguments.of("0", Duration.ZERO),
                Arguments.of("0s", Duration.ZERO),
                Arguments.of("+0", Duration.ZERO),
                Arguments.of("-0", Duration.ZERO),
                Arguments.of("5s", Duration.ofSeconds(5)),
                Arguments.of("30s", Duration.ofSeconds(30)),
                Arguments.of("1478s", Duration.ofSeconds(1478)),
                Arguments.of("-5s", Duration.ofSeconds(-5)),
                Arguments.of("+5s", Duration.ofSeconds(5)),
                Arguments.of("-0.5s", Duration.ofMillis(-500)),
                Arguments.of("1.5s", Duration.ofMillis(1500)),
                Arguments.of("1.5h", Duration.ofMinutes(90)),
                Arguments.of(".5s", Duration.ofMillis(500)),
                Arguments.of("1.s", Duration.ofSeconds(1)),
                Arguments.of("1.004s", Duration.ofMillis(1004)),
                Arguments.of("1.0040s", Duration.ofMillis(1004)),
                Arguments.of("100.00100s", Duration.ofMillis(100_001)),
                Arguments.of("10ns", Duration.ofNanos(10)),
                Arguments.of("11us", Duration.ofNanos(11_000)),
                Arguments.of("12µs", Duration.ofNanos(12_000)),
                Arguments.of("12μs", Duration.ofNanos(12_000)),
                Arguments.of("13ms", Duration.ofMillis(13)),
                Arguments.of("14s", Duration.ofSeconds(14)),
                Arguments.of("15m", Duration.ofMinutes(15)),
                Arguments.of("16h", Duration.ofHours(16)),
                Arguments.of("2160h", Duration.ofHours(2160)),
                Arguments.of("3h30m", Duration.ofMinutes(210)),
                Arguments.of("10.5s4m", Duration.ofMinutes(4).plusMillis(10_500)),
                Arguments.of("-2m3.4s", Duration.ofMinutes(-2).minusMillis(3400)),
                Arguments.of("1h2m3s4ms5us6ns", Duration.ofHours(1).plusMinutes(2).plusSeconds(3).plusNanos(4_005_006)),
                Arguments.of("39h9m14.425s", Duration.ofHours(39).plusMinutes(9).plusMillis(14_425)),
                Arguments.of("52763797000ns", Duration.ofNanos(52_763_797_000L)),
                Arguments.of("0.3333333333333333333h", Duration.ofMinutes(20)),
                Arguments.of("9007199254740993ns", Duration.ofNanos(9_007_199_254_740_993L)),
                Arguments.of("9223372036854775807ns", Duration.ofNanos(Long.MAX_VALUE)),
                Arguments.of("9223372036854775.807us", Duration.ofNanos(Long.MAX_VALUE)),
                Arguments.of("-9223372036854775808ns", Duration.ofNanos(Long.MIN_VALUE)),
                Arguments.of("0.100000000000000000000h", Duration.ofMinutes(6)),
                Arguments.of("0.830103483285477580700h", Duration.ofNanos(2_988_372_539_827L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parses")
    void parsesLikeGo(String text, Duration expected) {
        assertThat(GoDuration.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "3", "-", "s", ".", "-.", ".s", "+.s", "1d", "90d", "1 h", "1h ", " 1h", "1hh",
            "3000000h", "9223372036854775808ns", "9223372036854775.808us", "1w", "1.5", "h1"})
    void rejectsWhatGoRejects(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + text + "\"");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1d", "5y"})
    void namesUnknownUnit(String text) {
        assertThatThrownBy(() -> GoDuration.parse(text)).hasMessageContaining("unknown unit");
    }

    @ParameterizedTest(name = "null")
    @ValueSource(strings = "ignored")
    void rejectsNull(String ignored) {
        assertThatThrownBy(() -> GoDuration.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("0s", Duration.ZERO),
                Arguments.of("1ns", Duration.ofNanos(1)),
                Arguments.of("1.1µs", Duration.ofNanos(1100)),
                Arguments.of("2.2ms", Duration.ofNanos(2_200_000)),
                Arguments.of("300ms", Duration.ofMillis(300)),
                Arguments.of("3.3s", Duration.ofMillis(3300)),
                Arguments.of("1.5s", Duration.ofMillis(1500)),
                Arguments.of("45s", Duration.ofSeconds(45)),
                Arguments.of("5m0s", Duration.ofMinutes(5)),
                Arguments.of("4m5s", Duration.ofSeconds(245)),
                Arguments.of("4m5.001s", Duration.ofMillis(245_001)),
                Arguments.of("5h6m7.001s", Duration.ofMillis(18_367_001)),
                Arguments.of("8m0.000000001s", Duration.ofMinutes(8).plusNanos(1)),
                Arguments.of("1h0m0s", Duration.ofHours(1)),
                Arguments.of("2160h0m0s", Duration.ofHours(2160)),
                Arguments.of("720h0m30s", Duration.ofHours(720).plusSeconds(30)),
                Arguments.of("2562047h47m16.854775807s", Duration.ofNanos(Long.MAX_VALUE)),
                Arguments.of("-2562047h47m16.854775808s", Duration.ofNanos(Long.MIN_VALUE)),
                Arguments.of("-1.5s", Duration.ofMillis(-1500)),
                Arguments.of("-300ms", Duration.ofMillis(-300)),
                Arguments.of("-1h0m0s", Duration.ofHours(-1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void formatsLikeGo(String expected, Duration duration) {
        assertThat(GoDuration.format(duration)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2160h", "1h30m", "45s", "1.5s", "300ms", "1µs", "-5m"})
    void formatThenParseKeepsValue(String text) {
        Duration duration = GoDuration.parse(text);
        assertThat(GoDuration.parse(GoDuration.format(duration))).isEqualTo(duration);
    }
}
