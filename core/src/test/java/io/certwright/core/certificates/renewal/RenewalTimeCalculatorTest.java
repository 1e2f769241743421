package io.certwright.core.certificates.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.CertificateRenewal;
import io.certwright.api.model.CertificateRenewalWindow;
import io.certwright.api.model.CertificateSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RenewalTimeCalculatorTest {

    /** Signing time T of the cases; a Friday. */
    private static final Instant T = Instant.parse("2026-01-02T10:00:00Z");

    private static RenewalTime renewalTime(Instant notBefore, Instant notAfter, CertificateSpec spec) {
        return RenewalTimeCalculator.renewalTime(notBefore, notAfter, spec, null, new Random(1));
    }

    private static CertificateSpec spec(String renewBefore, Integer percentage) {
        return new CertificateSpec().withRenewBefore(renewBefore).withRenewBeforePercentage(percentage);
    }

    private static CertificateRenewal renewal(String policy, CertificateRenewalWindow... windows) {
        CertificateRenewal renewal = new CertificateRenewal();
        renewal.setPolicy(policy);
        renewal.setWindows(List.of(windows));
        return renewal;
    }

    private static CertificateRenewalWindow window(String cron, String duration, String timezone) {
        CertificateRenewalWindow window = new CertificateRenewalWindow();
        window.setCron(cron);
        window.setWindowDuration(duration);
        window.setTimezone(timezone);
        return window;
    }

    static Stream<Arguments> lifetimes() {
        Duration vaultLifetime = Duration.parse("PT720H30S");
        return Stream.of(
                Arguments.of("explicit renewBefore shorter than the lifetime applies", T, T.plus(vaultLifetime), spec("720h", null),
                        T.plusSeconds(30)),
                Arguments.of("unset renewBefore renews two thirds through", T, T.plus(vaultLifetime), spec(null, null),
                        T.plus(Duration.parse("PT480H20S"))),
                Arguments.of("renewBefore longer than the lifetime falls back to two thirds", T, T.plus(vaultLifetime), spec("800h", null),
                        T.plus(Duration.parse("PT480H20S"))),
                Arguments.of("renewBeforePercentage is the remaining fraction", T, T.plus(Duration.ofHours(3)), spec(null, 25),
                        T.plus(Duration.parse("PT2H15M"))),
                Arguments.of("fractional seconds are truncated", T, T.plus(Duration.parse("PT1H0M1S")), spec(null, null),
                        T.plus(Duration.ofMinutes(40))),
                Arguments.of("a backdated certificate renews before it was signed", T.minus(Duration.ofHours(1)),
                        T.plus(Duration.ofHours(2159)), spec("2159h50m", null), T.minus(Duration.ofMinutes(50))),
                Arguments.of("a backdated certificate with a shorter renewBefore renews later", T.minus(Duration.ofHours(1)),
                        T.plus(Duration.ofHours(2159)), spec("720h", null), T.plus(Duration.ofHours(1439))),
                Arguments.of("a notBefore in the future is used as it is", T.plus(Duration.ofMinutes(10)),
                        T.plus(Duration.ofMinutes(10)).plus(Duration.ofHours(24)), spec(null, null), T.plus(Duration.ofMinutes(10 + 16 * 60))),
                Arguments.of("renewBeforePercentage out of range is ignored", T, T.plus(Duration.ofHours(3)), spec(null, 100),
                        T.plus(Duration.ofHours(2))),
                Arguments.of("renewBefore wins over renewBeforePercentage", T, T.plus(Duration.ofHours(3)), spec("1h", 50),
                        T.plus(Duration.ofHours(2))),
                Arguments.of("an invalid renewBefore counts as unset", T, T.plus(Duration.ofHours(3)), spec("3 days", null),
                        T.plus(Duration.ofHours(2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lifetimes")
    void computesRenewalFromActualLifetime(String name, Instant notBefore, Instant notAfter, CertificateSpec spec, Instant expected) {
        assertThat(renewalTime(notBefore, notAfter, spec)).isEqualTo(RenewalTime.at(expected));
    }

    @Test
    void disabledPolicyHasNoRenewalTime() {
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("Disabled"));
        assertThat(renewalTime(T, T.plus(Duration.ofHours(90)), spec)).isEqualTo(RenewalTime.never());
    }

    @Test
    void renewBeforePolicyWithoutWindowsKeepsDesiredTime() {
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore"));
        assertThat(renewalTime(T, T.plus(Duration.ofHours(90)), spec)).isEqualTo(RenewalTime.at(T.plus(Duration.ofHours(60))));
    }

    @Test
    void unknownPolicyIsAnError() {
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("Sometimes"));
        RenewalTime result = renewalTime(T, T.plus(Duration.ofHours(90)), spec);
        assertThat(result.time()).isNull();
        assertThat(result.error()).startsWith("unsupported renewal policy: Sometimes");
    }

    @Test
    void desiredTimeInsideWindowIsKept() {
        // Desired: T + 60h = 2026-01-04T22:00Z, inside the daily 20:00-23:00 window.
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore", window("0 20 * * *", "3h", null)));
        assertThat(renewalTime(T, T.plus(Duration.ofHours(90)), spec)).isEqualTo(RenewalTime.at(Instant.parse("2026-01-04T22:00:00Z")));
    }

    @Test
    void desiredTimeBeforeWindowMovesToWindowStart() {
        // Desired 2026-01-04T22:00Z; the next 02:00 window start is on the 5th.
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore", window("0 2 * * *", "1h", null)));
        assertThat(renewalTime(T, T.plus(Duration.ofHours(90)), spec)).isEqualTo(RenewalTime.at(Instant.parse("2026-01-05T02:00:00Z")));
    }

    @Test
    void earliestWindowAfterDesiredWinsAcrossWindows() {
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore",
                window("0 2 * * *", "1h", null), window("30 23 * * *", "10m", null)));
        assertThat(renewalTime(T, T.plus(Duration.ofHours(90)), spec)).isEqualTo(RenewalTime.at(Instant.parse("2026-01-04T23:30:00Z")));
    }

    @Test
    void windowTimezoneShiftsTheStart() {
        // 02:00 in New York (UTC-5 in January) is 07:00 UTC.
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore", window("0 2 * * *", "1h", "America/New_York")));
        assertThat(renewalTime(T, T.plus(Duration.ofHours(90)), spec)).isEqualTo(RenewalTime.at(Instant.parse("2026-01-05T07:00:00Z")));
    }

    @Test
    void descriptorIsAccepted() {
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore", window("@daily", "1h", null)));
        assertThat(renewalTime(T, T.plus(Duration.ofHours(90)), spec)).isEqualTo(RenewalTime.at(Instant.parse("2026-01-05T00:00:00Z")));
    }

    @Test
    void windowAfterNotAfterIsWindowError() {
        // The only window start (Feb 1st 2026) lies beyond notAfter + 1h.
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore", window("0 0 1 2 *", "1h", null)));
        RenewalTime result = renewalTime(T, T.plus(Duration.ofHours(90)), spec);
        assertThat(result.time()).isEqualTo(T.plus(Duration.ofHours(60)));
        assertThat(result.error()).isEqualTo("cannot find a time with the given windows between 2026-01-02 10:00:00 +0000 UTC"
                + " and 2026-01-06 04:00:00 +0000 UTC for: 2026-01-04 22:00:00 +0000 UTC");
    }

    @Test
    void invalidCronIsAnErrorWithoutTime() {
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore", window("61 * * * *", "1h", null)));
        RenewalTime result = renewalTime(T, T.plus(Duration.ofHours(90)), spec);
        assertThat(result.time()).isNull();
        assertThat(result.error()).contains("failed to parse cron spec '61 * * * *'");
    }

    @Test
    void unknownTimezoneIsAnError() {
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore", window("0 2 * * *", "1h", "Mars/Olympus")));
        assertThat(renewalTime(T, T.plus(Duration.ofHours(90)), spec).error()).contains("Mars/Olympus");
    }

    @Test
    void zeroWindowDurationIsAnError() {
        CertificateSpec spec = new CertificateSpec().withRenewal(renewal("RenewBefore", window("0 2 * * *", "0s", null)));
        assertThat(renewalTime(T, T.plus(Duration.ofHours(90)), spec).error()).startsWith("windowDuration must be a positive duration");
    }

    @Test
    void ariWindowPicksTruncatedInstantInsideIt() {
        ARISuggestedWindow window = new ARISuggestedWindow();
        window.setStart(T.plus(Duration.ofHours(10)));
        window.setEnd(T.plus(Duration.ofHours(11)));
        RenewalTime result = RenewalTimeCalculator.renewalTime(T, T.plus(Duration.ofHours(90)), new CertificateSpec(), window, new Random(7));
        assertThat(result.time()).isBetween(window.getStart(), window.getEnd().minusSeconds(1));
        assertThat(result.time().getNano()).isZero();
    }

    @Test
    void emptyAriWindowUsesItsStart() {
        ARISuggestedWindow window = new ARISuggestedWindow();
        window.setStart(T.plus(Duration.ofHours(10)));
        window.setEnd(T.plus(Duration.ofHours(10)));
        RenewalTime result = RenewalTimeCalculator.renewalTime(T, T.plus(Duration.ofHours(90)), new CertificateSpec(), window, new Random(7));
        assertThat(result).isEqualTo(RenewalTime.at(T.plus(Duration.ofHours(10))));
    }
}
