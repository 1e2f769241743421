package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.kubernetes.FeatureGate;
import io.certwright.kubernetes.FeatureGates;
import io.certwright.kubernetes.KubernetesRuntimeSettings;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ControllerCommandTest {
    @Test
    void unknownFeatureGateIsUsageError() {
        CliRun run = CliRun.of("controller", "--feature-gates", "StableCertificateRequestName=true,Bogus=true");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).startsWith("error: --feature-gates: unknown feature gate Bogus; known gates: AllAlpha,"
                + " AllBeta, ACMEHTTP01IngressPathTypeExact,");
        assertThat(run.err()).contains("Run 'certwright controller --help' for usage.");
    }

    @Test
    void nonDefaultFeatureGateIsUsageError() {
        CliRun run = CliRun.of("controller", "--feature-gates", "ServerSideApply=true");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("ServerSideApply=true is not supported yet: Certwright implements"
                + " ServerSideApply only in its default state ServerSideApply=false");
    }

    @Test
    void allAlphaTrueIsUsageError() {
        CliRun run = CliRun.of("controller", "--feature-gates=AllAlpha=true");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("ACMEUseARI=true (set by AllAlpha=true) is not supported yet");
    }

    @Test
    void defaultFeatureGatesReachSettings() {
        KubernetesRuntimeSettings settings = settings("--feature-gates",
                "StableCertificateRequestName=true,ServerSideApply=false,AllBeta=true,AllAlpha=false");

        assertThat(settings.featureGates()).isEqualTo(FeatureGates.defaults());
    }

    @Test
    void repeatedFeatureGatesCombineInOrder() {
        KubernetesRuntimeSettings settings = settings("--feature-gates", "ValidateCAA=false",
                "--feature-gates", "ValidateCAA=true");

        assertThat(settings.featureGates().enabled(FeatureGate.VALIDATE_CAA)).isTrue();
    }

    @Test
    void withoutFeatureGatesSettingsHaveDefaults() {
        assertThat(settings().featureGates()).isEqualTo(FeatureGates.defaults());
    }

    private static KubernetesRuntimeSettings settings(String... args) {
        ControllerCommand command = new ControllerCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }
}
