package io.certwright.core.certificates.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoCsvTest {

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("empty record is empty", List.of(), ""),
                Arguments.of("one empty field is not quoted", List.of(""), ""),
                Arguments.of("plain fields are joined by commas", List.of("a.example.com", "b.example.com"), "a.example.com,b.example.com"),
                Arguments.of("comma is quoted", List.of("10 Downing Street, Westminster", "Manchester"),
                        "\"10 Downing Street, Westminster\",Manchester"),
                Arguments.of("quote is quoted and doubled", List.of("say \"hi\""), "\"say \"\"hi\"\"\""),
                Arguments.of("line feed is quoted", List.of("a\nb"), "\"a\nb\""),
                Arguments.of("carriage return is quoted", List.of("a\rb"), "\"a\rb\""),
                Arguments.of("leading space is quoted", List.of(" lead"), "\" lead\""),
                Arguments.of("leading tab is quoted", List.of("\tlead"), "\"\tlead\""),
                Arguments.of("trailing space is not quoted", List.of("trail "), "trail "),
                Arguments.of("inner space is not quoted", List.of("New York"), "New York"),
                Arguments.of("leading no-break space is quoted", List.of("\u00a0x"), "\"\u00a0x\""),
                Arguments.of("backslash dot is quoted", List.of("\\."), "\"\\.\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void encodesLikeGoEncodingCsv(String name, List<String> fields, String expected) {
        assertThat(GoCsv.encode(fields)).isEqualTo(expected);
    }
}
