package io.certwright.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.kubernetes.FeatureGate;
import io.certwright.kubernetes.FeatureGates;
import io.certwright.kubernetes.KubernetesRuntimeSettings;
import io.certwright.kubernetes.http01.SolverSettings;
import java.time.Duration;
import java.util.Map;
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
        assertThat(run.err()).contains("ServerSideApply=true (set by AllAlpha=true) is not supported yet");
    }

    @Test
    void acmeUseAriGateReachesControllerOptions() {
        KubernetesRuntimeSettings settings = settings("--feature-gates", "ACMEUseARI=true");

        assertThat(settings.featureGates().enabled(FeatureGate.ACME_USE_ARI)).isTrue();
        assertThat(settings.controllerOptions().acmeUseAri()).isTrue();
        assertThat(settings().controllerOptions().acmeUseAri()).isFalse();
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

    @Test
    void acmeFlagsReachSolverSettings() {
        KubernetesRuntimeSettings settings = settings("--max-concurrent-challenges=7",
                "--dns01-check-retry-period=3s", "--acme-http01-solver-image=example/solver:1",
                "--acme-http01-solver-resource-request-cpu=20m", "--acme-http01-solver-resource-request-memory=32Mi",
                "--acme-http01-solver-resource-limits-cpu=1", "--acme-http01-solver-resource-limits-memory=1Gi",
                "--acme-http01-solver-run-as-non-root=false", "--acme-http01-solver-runtime-class-name=gvisor",
                "--acme-http01-solver-extra-labels=team=web,acme.cert-manager.io/http01-solver=false");

        assertThat(settings.acme().maxConcurrentChallenges()).isEqualTo(7);
        assertThat(settings.acme().checkRetryPeriod()).isEqualTo(Duration.ofSeconds(3));
        SolverSettings solver = settings.acme().http01Solver();
        assertThat(solver.image()).isEqualTo("example/solver:1");
        assertThat(solver.requestCpu()).isEqualTo("20m");
        assertThat(solver.requestMemory()).isEqualTo("32Mi");
        assertThat(solver.limitsCpu()).isEqualTo("1");
        assertThat(solver.limitsMemory()).isEqualTo("1Gi");
        assertThat(solver.runAsNonRoot()).isFalse();
        assertThat(solver.runtimeClassName()).isEqualTo("gvisor");
        assertThat(solver.extraLabels()).containsExactly(Map.entry("team", "web"));
    }

    @Test
    void acmeDefaultsMatchCertManager() {
        KubernetesRuntimeSettings settings = settings();

        assertThat(settings.acme().maxConcurrentChallenges()).isEqualTo(60);
        assertThat(settings.acme().checkRetryPeriod()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.acme().http01Solver().runAsNonRoot()).isTrue();
        assertThat(settings.acme().http01Solver().requestCpu()).isEqualTo("10m");
        assertThat(settings.acme().http01Solver().limitsMemory()).isEqualTo("64Mi");
    }

    @Test
    void invalidSolverQuantityIsUsageError() {
        CliRun run = CliRun.of("controller", "--acme-http01-solver-resource-limits-memory=lots");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("invalid --acme-http01-solver-resource-limits-memory 'lots'");
    }

    @Test
    void zeroMaxConcurrentChallengesIsUsageError() {
        CliRun run = CliRun.of("controller", "--max-concurrent-challenges=0");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--max-concurrent-challenges must be at least 1, got 0");
    }

    private static KubernetesRuntimeSettings settings(String... args) {
        ControllerCommand command = new ControllerCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }
}
