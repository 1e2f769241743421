package io.certwright.core.certificates.policies;

import static io.certwright.core.certificates.policies.SecretChecks.violation;

import io.certwright.api.Conditions;
import io.certwright.api.model.ARISuggestedWindow;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRenewal;
import io.certwright.core.certificates.renewal.GoTimes;
import io.certwright.core.certificates.renewal.RenewalTime;
import io.certwright.core.certificates.renewal.RenewalTimeCalculator;
import io.certwright.pki.PkiException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;

/** Checks of the certificate's validity period: due for renewal (trigger check 9) and expired (readiness). */
final class ExpiryChecks {

    private ExpiryChecks() {}

    /**
     * Returns a check that reports {@code Renewing} once the renewal time has come.
     *
     * <p>With renewal policy {@code Disabled} it never fires. With an ACME renewal window whose start is
     * after the certificate's notBefore, it fires once the window has opened. A random time inside the
     * window is not drawn here, because a new draw on every reconcile could keep landing in the future.
     * A window starting at or before notBefore describes an earlier certificate and is ignored.
     * Otherwise the renewal time is computed. When the renewal windows cannot be satisfied, the reason
     * becomes {@code WindowError} with the error as message, but it still fires only once the fallback
     * time has passed.
     */
    static Check currentCertificateNearingExpiry(Clock clock) {
        return input -> {
            X509Certificate certificate;
            try {
                certificate = SecretChecks.certificate(input.secret());
            } catch (PkiException e) {
                return SecretChecks.invalidCertificate(e);
            }
            Certificate resource = input.certificate();
            CertificateRenewal renewal = resource.getSpec().getRenewal();
            if (renewal != null && RenewalTimeCalculator.POLICY_DISABLED.equals(renewal.getPolicy())) {
                return Optional.empty();
            }

            Instant now = clock.instant();
            Instant notBefore = certificate.getNotBefore().toInstant();
            String message = "Renewing certificate as renewal was scheduled at " + GoTimes.format(statusRenewalTime(resource));
            ARISuggestedWindow ari = input.ariWindow();
            if (ari != null && ari.getStart() != null && ari.getStart().isAfter(notBefore)) {
                return now.isBefore(ari.getStart()) ? Optional.empty() : violation(Conditions.REASON_RENEWING, message);
            }

            // The random source is only read for ARI windows, which are not passed here.
            RenewalTime renewalTime = RenewalTimeCalculator.renewalTime(
                    notBefore, certificate.getNotAfter().toInstant(), resource.getSpec(), null, new Random(0));
            if (renewalTime.time() == null) {
                // NOTE: upstream dereferences a nil time here (a crash) when the windows are unusable. Not
                // renewing is the safe choice, and readiness reports the error as WindowError.
                return Optional.empty();
            }
            if (renewalTime.time().isAfter(now)) {
                return Optional.empty();
            }
            if (renewalTime.failed()) {
                return violation(Conditions.REASON_WINDOW_ERROR, renewalTime.error());
            }
            return violation(Conditions.REASON_RENEWING, message);
        };
    }

    /** Returns a check that reports {@code Expired} when now is after the certificate's notAfter. */
    static Check currentCertificateHasExpired(Clock clock) {
        return input -> {
            X509Certificate certificate;
            try {
                certificate = SecretChecks.certificate(input.secret());
            } catch (PkiException e) {
                return SecretChecks.invalidCertificate(e);
            }
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (clock.instant().isAfter(notAfter)) {
                return violation(Conditions.REASON_EXPIRED, "Certificate expired on " + GoTimes.formatRfc1123(notAfter));
            }
            return Optional.empty();
        };
    }

    private static Instant statusRenewalTime(Certificate certificate) {
        return certificate.getStatus() == null ? null : certificate.getStatus().getRenewalTime();
    }
}
