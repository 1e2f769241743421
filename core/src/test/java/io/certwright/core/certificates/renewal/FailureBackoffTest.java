package io.certwright.core.certificates.renewal;

import static io.certwright.core.certificates.policies.CertificateFixtures.CLOCK;
import static io.certwright.core.certificates.policies.CertificateFixtures.NOW;
import static io.certwright.core.certificates.policies.CertificateFixtures.certificate;
import static io.certwright.core.certificates.policies.CertificateFixtures.request;
import static io.certwright.core.certificates.policies.CertificateFixtures.rsaKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.ControllerOptions;
import io.certwright.pki.PkiException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureBackoffTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration MAX = Duration.ofHours(32);
    private static final ControllerOptions OPTIONS = ControllerOptions.defaults();

    static Stream<Arguments> attempts() {
        return Stream.of(
                Arguments.of("no attempts recorded waits the initial delay", null, HOUR),
                Arguments.of("zero attempts waits the initial delay", 0, HOUR),
                Arguments.of("negative attempts wait the initial delay", -3, HOUR),
                Arguments.of("first failure waits 1h", 1, HOUR),
                Arguments.of("second failure waits 2h", 2, Duration.ofHours(2)),
                Arguments.of("third failure waits 4h", 3, Duration.ofHours(4)),
                Arguments.of("fourth failure waits 8h", 4, Duration.ofHours(8)),
                Arguments.of("fifth failure waits 16h", 5, Duration.ofHours(16)),
                Arguments.of("sixth failure waits 32h", 6, MAX),
                Arguments.of("seventh failure stays at 32h", 7, MAX),
                Arguments.of("overflowing attempts stay at the maximum", 40, MAX),
                Arguments.of("attempts beyond 63 doublings stay at the maximum", 1000, MAX));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attempts")
    void delayDoublesUpToMaximum(String name, Integer attempts, Duration expected) {
        assertThat(FailureBackoff.delay(attempts, HOUR, MAX)).isEqualTo(expected);
    }

    @Test
    void delayIsNeverBelowInitial() {
        assertThat(FailureBackoff.delay(3, HOUR, Duration.ofMinutes(10))).isEqualTo(HOUR);
    }

    private static Certificate failed(int attempts, Duration ago) {
        Certificate certificate = certificate();
        certificate.getStatus().setLastFailureTime(NOW.minus(ago));
        certificate.getStatus().setFailedIssuanceAttempts(attempts);
        return certificate;
    }

    @Test
    void noFailureMeansNoBackoff() {
        assertThat(FailureBackoff.remaining(certificate(), null, OPTIONS, CLOCK)).isEmpty();
    }

    @Test
    void recentFailureWaitsTheRest() {
        assertThat(FailureBackoff.remaining(failed(3, Duration.ofHours(1)), null, OPTIONS, CLOCK)).contains(Duration.ofHours(3));
    }

    @Test
    void elapsedDelayMeansNoBackoff() {
        assertThat(FailureBackoff.remaining(failed(3, Duration.ofHours(4)), null, OPTIONS, CLOCK)).isEmpty();
    }

    @Test
    void matchingNextRequestKeepsBackoff() throws PkiException {
        Certificate certificate = failed(1, Duration.ofMinutes(10));
        CertificateRequest next = request(certificate, rsaKey(), 1);
        assertThat(FailureBackoff.remaining(certificate, next, OPTIONS, CLOCK)).contains(Duration.ofMinutes(50));
    }

    @Test
    void specChangeSkipsBackoff() throws PkiException {
        Certificate certificate = failed(1, Duration.ofMinutes(10));
        CertificateRequest next = request(certificate, rsaKey(), 1);
        certificate.getSpec().withDnsNames(List.of("app.example.com", "www.example.com"));
        assertThat(FailureBackoff.remaining(certificate, next, OPTIONS, CLOCK)).isEmpty();
    }

    @Test
    void undecodableNextRequestSkipsBackoff() throws PkiException {
        Certificate certificate = failed(1, Duration.ofMinutes(10));
        CertificateRequest next = request(certificate, rsaKey(), 1);
        next.getSpec().setRequest("garbage".getBytes(StandardCharsets.US_ASCII));
        assertThat(FailureBackoff.remaining(certificate, next, OPTIONS, CLOCK)).isEmpty();
    }

    @Test
    void zeroInitialDelaySkipsBackoff() {
        ControllerOptions options = OPTIONS.withBackoff(Duration.ZERO, MAX);
        assertThat(FailureBackoff.remaining(failed(1, Duration.ofMinutes(10)), null, options, CLOCK)).isEmpty();
    }
}
