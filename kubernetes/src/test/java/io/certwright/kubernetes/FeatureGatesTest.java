package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeatureGatesTest {
    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", ",", " , "})
    void blankValueMeansDefaults(String flagValue) {
        assertThat(FeatureGates.parse(flagValue)).isEqualTo(FeatureGates.defaults());
    }

    @Test
    void defaultsMatchCertManager() {
        FeatureGates defaults = FeatureGates.defaults();

        assertThat(defaults.enabled(FeatureGate.STABLE_CERTIFICATE_REQUEST_NAME)).isTrue();
        assertThat(defaults.enabled(FeatureGate.SECRETS_FILTERED_CACHING)).isTrue();
        assertThat(defaults.enabled(FeatureGate.SERVER_SIDE_APPLY)).isFalse();
        assertThat(defaults.enabled(FeatureGate.ACME_USE_ARI)).isFalse();
        assertThat(defaults.enabled(FeatureGate.VALIDATE_CAA)).isFalse();
        assertThat(defaults.changedFromDefault()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyGate")
    void everyGateAcceptsItsDefault(FeatureGate gate) {
        FeatureGates gates = FeatureGates.parse(gate.gateName() + "=" + gate.defaultValue());

        assertThat(gates.enabled(gate)).isEqualTo(gate.defaultValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gatesWithUnsupportedValue")
    void nonDefaultValueIsRejected(FeatureGate gate) {
        String setting = gate.gateName() + "=" + !gate.defaultValue();

        assertThatIllegalArgumentException().isThrownBy(() -> FeatureGates.parse(setting))
                .withMessageStartingWith("--feature-gates: " + setting + " is not ")
                .withMessageContaining(gate.gateName() + "=" + gate.defaultValue());
    }

    @Test
    void alphaGateIsNotSupportedYet() {
        assertThatIllegalArgumentException().isThrownBy(() -> FeatureGates.parse("ServerSideApply=true"))
                .withMessage("--feature-gates: ServerSideApply=true is not supported yet: Certwright implements"
                        + " ServerSideApply only in its default state ServerSideApply=false. Remove these settings"
                        + " or set the gates to their defaults.");
    }

    @Test
    void gaGateIsLockedToDefault() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> FeatureGates.parse("AdditionalCertificateOutputFormats=false"))
                .withMessageContaining("AdditionalCertificateOutputFormats=false is not allowed: the gate is GA and"
                        + " locked to its default AdditionalCertificateOutputFormats=true");
    }

    @Test
    void removedValidateCaaIsAcceptedWithAnyValue() {
        FeatureGates gates = FeatureGates.parse("ValidateCAA=true");

        assertThat(gates.enabled(FeatureGate.VALIDATE_CAA)).isTrue();
        assertThat(gates.changedFromDefault()).containsExactly(FeatureGate.VALIDATE_CAA);
    }

    @Test
    void unknownGateIsRejectedWithKnownNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> FeatureGates.parse("NameConstraints=true,Bogus=true"))
                .withMessageStartingWith("--feature-gates: unknown feature gate Bogus; known gates: AllAlpha,"
                        + " AllBeta, ACMEHTTP01IngressPathTypeExact, ACMEUseARI,")
                .withMessageEndingWith("UseDomainQualifiedFinalizer, ValidateCAA");
    }

    @Test
    void gateNamesAreCaseSensitive() {
        assertThatIllegalArgumentException().isThrownBy(() -> FeatureGates.parse("serversideapply=false"))
                .withMessageStartingWith("--feature-gates: unknown feature gate serversideapply;");
    }

    @Test
    void pairWithoutValueIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> FeatureGates.parse("OtherNames"))
                .withMessage("--feature-gates: missing value for OtherNames; write OtherNames=true or"
                        + " OtherNames=false");
    }

    @Test
    void nonBooleanValueIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> FeatureGates.parse("OtherNames=yes"))
                .withMessage("--feature-gates: invalid value OtherNames=yes; use true or false");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"NameConstraints=1", "NameConstraints=t", "NameConstraints=T", "NameConstraints=TRUE",
        "NameConstraints=True", " NameConstraints = true "})
    void goBooleanSpellingsAreAccepted(String flagValue) {
        assertThat(FeatureGates.parse(flagValue).enabled(FeatureGate.NAME_CONSTRAINTS)).isTrue();
    }

    @Test
    void lastValueOfRepeatedGateWins() {
        FeatureGates gates = FeatureGates.parse("ServerSideApply=true,ServerSideApply=false");

        assertThat(gates.enabled(FeatureGate.SERVER_SIDE_APPLY)).isFalse();
    }

    @Test
    void allBetaTrueKeepsBetaDefaults() {
        assertThat(FeatureGates.parse("AllBeta=true")).isEqualTo(FeatureGates.defaults());
    }

    @Test
    void allAlphaFalseKeepsAlphaDefaults() {
        assertThat(FeatureGates.parse("AllAlpha=false")).isEqualTo(FeatureGates.defaults());
    }

    @Test
    void allAlphaTrueIsRejectedForEachAlphaGate() {
        assertThatIllegalArgumentException().isThrownBy(() -> FeatureGates.parse("AllAlpha=true"))
                .withMessageContaining("ServerSideApply=true (set by AllAlpha=true) is not supported yet")
                .withMessageNotContaining("ACMEUseARI")
                .withMessageNotContaining("NameConstraints");
    }

    @Test
    void acmeUseAriIsSwitchable() {
        FeatureGates gates = FeatureGates.parse("ACMEUseARI=true");

        assertThat(gates.enabled(FeatureGate.ACME_USE_ARI)).isTrue();
        assertThat(gates.changedFromDefault()).containsExactly(FeatureGate.ACME_USE_ARI);
        assertThat(FeatureGates.parse("ACMEUseARI=false")).isEqualTo(FeatureGates.defaults());
    }

    @Test
    void allBetaFalseIsRejectedForEachBetaGate() {
        assertThatIllegalArgumentException().isThrownBy(() -> FeatureGates.parse("AllBeta=false"))
                .withMessageContaining("StableCertificateRequestName=false (set by AllBeta=false) is not supported")
                .withMessageNotContaining("ServerSideApply");
    }

    @Test
    void explicitGateOverridesAllAlpha() {
        String everyAlphaGateOff = Arrays.stream(FeatureGate.values())
                .filter(gate -> gate.stage() == FeatureGate.Stage.ALPHA)
                .map(gate -> gate.gateName() + "=false")
                .reduce("AllAlpha=true", (left, right) -> left + "," + right);

        assertThat(FeatureGates.parse(everyAlphaGateOff)).isEqualTo(FeatureGates.defaults());
    }

    @Test
    void allAlphaDoesNotTouchGaOrRemovedGates() {
        assertThatIllegalArgumentException().isThrownBy(() -> FeatureGates.parse("AllAlpha=true"))
                .withMessageNotContaining("ValidateCAA")
                .withMessageNotContaining("UseDomainQualifiedFinalizer");
    }

    static Stream<FeatureGate> everyGate() {
        return Arrays.stream(FeatureGate.values());
    }

    static Stream<Arguments> gatesWithUnsupportedValue() {
        return Arrays.stream(FeatureGate.values())
                .filter(gate -> gate.stage() != FeatureGate.Stage.REMOVED && !gate.switchable())
                .map(Arguments::of);
    }
}
