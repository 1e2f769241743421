package io.certwright.api.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronSyntaxTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0 2 * * *", "*/15 * * * *", "0 0 1,15 * *", "0 9-17 * * mon-fri", "0 0 * JAN-MAR SUN",
            "30 2 ? * 0", "5/10 * * * *", "@daily", "@midnight", "@hourly", "@weekly", "@monthly", "@yearly",
            "@annually", "@every 1h30m", "  0 2 * * *  "})
    void acceptsValidExpression(String cron) {
        assertThat(CronSyntax.check(cron, "")).isEmpty();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty", "", "", "failed to parse cron spec '': empty spec string"),
                Arguments.of("empty with timezone", "", "UTC", "failed to parse cron spec '': expected exactly 5 fields, found 0: []"),
                Arguments.of("four fields", "0 2 * *", "", "failed to parse cron spec '0 2 * *': expected exactly 5 fields, found 4: [0 2 * *]"),
                Arguments.of("minute out of range", "60 * * * *", "", "failed to parse cron spec '60 * * * *': end of range (60) above maximum (59): 60"),
                Arguments.of("day of month zero", "0 0 0 * *", "", "failed to parse cron spec '0 0 0 * *': beginning of range (0) below minimum (1): 0"),
                Arguments.of("day of week seven", "0 0 * * 7", "", "failed to parse cron spec '0 0 * * 7': end of range (7) above maximum (6): 7"),
                Arguments.of("reversed range", "0 5-2 * * *", "", "failed to parse cron spec '0 5-2 * * *': beginning of range (5) beyond end of range (2): 5-2"),
                Arguments.of("zero step", "*/0 * * * *", "", "failed to parse cron spec '*/0 * * * *': step of range should be a positive number: */0"),
                Arguments.of("word", "x * * * *", "", "failed to parse cron spec 'x * * * *': failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax"),
                Arguments.of("too many hyphens", "1-2-3 * * * *", "", "failed to parse cron spec '1-2-3 * * * *': too many hyphens: 1-2-3"),
                Arguments.of("unknown descriptor", "@fortnightly", "", "failed to parse cron spec '@fortnightly': unrecognized descriptor: @fortnightly"),
                Arguments.of("bad every", "@every 1d", "", "failed to parse cron spec '@every 1d': failed to parse duration @every 1d: time: invalid duration \"1d\""),
                Arguments.of("bad timezone", "@daily", "Nowhere/City", "failed to parse cron spec '@daily': provided bad location Nowhere/City: unknown time zone Nowhere/City"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void reportsParserMessage(String name, String cron, String timezone, String expected) {
        assertThat(CronSyntax.check(cron, timezone)).contains(expected);
    }
}
