package io.certwright.core.controller;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommonPoolParallelismTest {
    @Test
    void smallMachineGetsMinimum() {
        assertThat(CommonPoolParallelism.parallelismFor(null, 2)).isEqualTo("4");
        assertThat(CommonPoolParallelism.parallelismFor(null, 1)).isEqualTo("4");
    }

    @Test
    void largeMachineKeepsDefault() {
        assertThat(CommonPoolParallelism.parallelismFor(null, 5)).isNull();
        assertThat(CommonPoolParallelism.parallelismFor(null, 16)).isNull();
    }

    @Test
    void configuredValueIsKept() {
        assertThat(CommonPoolParallelism.parallelismFor("1", 2)).isNull();
    }
}
