package io.certwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FieldErrorTest {

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("required with detail", FieldError.required("spec.issuerRef.name", "must be specified"),
                        "spec.issuerRef.name: Required value: must be specified"),
                Arguments.of("required without detail", FieldError.required("spec.ca.secretName", ""),
                        "spec.ca.secretName: Required value"),
                Arguments.of("invalid string", FieldError.invalid("spec.ipAddresses[0]", "300.1.1.1", "invalid IP address"),
                        "spec.ipAddresses[0]: Invalid value: \"300.1.1.1\": invalid IP address"),
                Arguments.of("invalid number", FieldError.invalid("spec.revisionHistoryLimit", 0, "must not be less than 1"),
                        "spec.revisionHistoryLimit: Invalid value: 0: must not be less than 1"),
                Arguments.of("invalid duration", FieldError.invalid("spec.duration", Duration.ofMinutes(30), "too short"),
                        "spec.duration: Invalid value: 30m0s: too short"),
                Arguments.of("invalid null", FieldError.invalid("spec.x", null, "d"), "spec.x: Invalid value: null: d"),
                Arguments.of("quoted escapes", FieldError.invalid("f", "a\"b\\c\nd\u0001", ""),
                        "f: Invalid value: \"a\\\"b\\\\c\\nd\\x01\""),
                Arguments.of("string list", FieldError.invalid("spec.usages", List.of("a", "b"), "x"),
                        "spec.usages: Invalid value: []string{\"a\", \"b\"}: x"),
                Arguments.of("duplicate", FieldError.duplicate("spec.additionalOutputFormats[type]", "DER"),
                        "spec.additionalOutputFormats[type]: Duplicate value: \"DER\""),
                Arguments.of("not supported", FieldError.notSupported("spec.p", "X", List.of("A", "B")),
                        "spec.p: Unsupported value: \"X\": supported values: \"A\", \"B\""),
                Arguments.of("too long", FieldError.tooLong("spec.commonName", "x".repeat(65), 64),
                        "spec.commonName: Too long: may not be more than 64 bytes"),
                Arguments.of("forbidden", FieldError.forbidden("spec.keystores.jks", "no"), "spec.keystores.jks: Forbidden: no"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void printsLikeKubernetes(String name, FieldError error, String expected) {
        assertThat(error.toString()).isEqualTo(expected);
    }
}
