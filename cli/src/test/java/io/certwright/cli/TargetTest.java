package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kubeconfig flag wins over ./.certwright | true  | false | true  | CLUSTER",
        "state flags select the directory       | false | true  | false | LOCAL",
        "./.certwright without flags            | false | false | true  | LOCAL",
        "nothing local falls back to cluster    | false | false | false | CLUSTER"
    })
    void chooseFollowsRule(String description, boolean clusterOptions, boolean stateOptions, boolean localState,
            Target expected) {
        assertThat(Target.choose(clusterOptions, stateOptions, localState)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "local state exists: {0}")
    @CsvSource({"true", "false"})
    void chooseRejectsBothKinds(boolean localState) {
        assertThatThrownBy(() -> Target.choose(true, true, localState))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give options of one kind only");
    }
}
