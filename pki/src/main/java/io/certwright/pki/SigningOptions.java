package io.certwright.pki;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an issuer adds to a CSR when it signs a certificate: validity, CA flag, usages, revocation
 * and AIA URLs, and the serial number. Build one with {@link #builder()}.
 */
public final class SigningOptions {

    /** Validity used when none is set: 90 days, cert-manager's default duration. */
    public static final Duration DEFAULT_DURATION = Duration.ofHours(2160);

    private final Instant notBefore;
    private final Duration duration;
    private final boolean isCA;
    private final List<String> usages;
    private final List<String> crlDistributionPoints;
    private final List<String> ocspServers;
    private final List<String> issuingCertificateUrls;
    private final BigInteger serialNumber;

    private SigningOptions(Builder builder) {
        this.notBefore = Objects.requireNonNull(builder.notBefore, "notBefore").truncatedTo(ChronoUnit.SECONDS);
        this.duration = builder.duration == null || builder.duration.isZero() ? DEFAULT_DURATION : builder.duration;
        if (this.duration.isNegative()) {
            throw new IllegalArgumentException("duration must be positive, got " + this.duration);
        }
        this.isCA = builder.isCA;
        this.usages = List.copyOf(builder.usages);
        this.crlDistributionPoints = List.copyOf(builder.crlDistributionPoints);
        this.ocspServers = List.copyOf(builder.ocspServers);
        this.issuingCertificateUrls = List.copyOf(builder.issuingCertificateUrls);
        this.serialNumber = builder.serialNumber;
        if (serialNumber != null && serialNumber.signum() <= 0) {
            throw new IllegalArgumentException("serialNumber must be positive, got " + serialNumber);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The start of validity, truncated to whole seconds. */
    public Instant notBefore() {
        return notBefore;
    }

    /** The validity period; {@link #DEFAULT_DURATION} when none was set. */
    public Duration duration() {
        return duration;
    }

    /** The end of validity: {@code notBefore + duration}. */
    public Instant notAfter() {
        return notBefore.plus(duration);
    }

    public boolean isCA() {
        return isCA;
    }

    /** The requested usage names as given; see {@link #effectiveUsages()} for the defaulted list. */
    public List<String> usages() {
        return usages;
    }

    /** The usages the certificate gets: the requested ones or the default, plus {@code cert sign} for a CA. */
    public List<String> effectiveUsages() {
        return Usages.effective(usages, isCA);
    }

    public List<String> crlDistributionPoints() {
        return crlDistributionPoints;
    }

    public List<String> ocspServers() {
        return ocspServers;
    }

    public List<String> issuingCertificateURLs() {
        return issuingCertificateUrls;
    }

    /** The serial number, or null to have the signer pick a random positive 128-bit number. */
    public BigInteger serialNumber() {
        return serialNumber;
    }

    /** Builder for {@link SigningOptions}. Only {@code notBefore} is required. */
    public static final class Builder {
        private Instant notBefore;
        private Duration duration;
        private boolean isCA;
        private List<String> usages = new ArrayList<>();
        private List<String> crlDistributionPoints = new ArrayList<>();
        private List<String> ocspServers = new ArrayList<>();
        private List<String> issuingCertificateUrls = new ArrayList<>();
        private BigInteger serialNumber;

        private Builder() {}

        public Builder notBefore(Instant notBefore) {
            this.notBefore = notBefore;
            return this;
        }

        /** Sets the validity period; null or zero means {@link #DEFAULT_DURATION}. */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder isCA(boolean isCA) {
            this.isCA = isCA;
            return this;
        }

        public Builder usages(List<String> usages) {
            this.usages = usages == null ? new ArrayList<>() : new ArrayList<>(usages);
            return this;
        }

        public Builder usages(String... usages) {
            return usages(List.of(usages));
        }

        public Builder crlDistributionPoints(List<String> urls) {
            this.crlDistributionPoints = urls == null ? new ArrayList<>() : new ArrayList<>(urls);
            return this;
        }

        public Builder ocspServers(List<String> urls) {
            this.ocspServers = urls == null ? new ArrayList<>() : new ArrayList<>(urls);
            return this;
        }

        public Builder issuingCertificateURLs(List<String> urls) {
            this.issuingCertificateUrls = urls == null ? new ArrayList<>() : new ArrayList<>(urls);
            return this;
        }

        public Builder serialNumber(BigInteger serialNumber) {
            this.serialNumber = serialNumber;
            return this;
        }

        /**
         * Builds the options.
         *
         * @throws NullPointerException if notBefore is not set
         * @throws IllegalArgumentException if the duration is negative or the serial number is not positive
         */
        public SigningOptions build() {
            return new SigningOptions(this);
        }
    }
}
