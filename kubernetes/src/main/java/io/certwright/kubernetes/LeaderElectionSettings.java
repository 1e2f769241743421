package io.certwright.kubernetes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Leader election through a coordination.k8s.io/v1 Lease, with cert-manager's defaults.
 *
 * @param enabled whether to elect a leader ({@code --leader-elect}); when false the controllers start at once
 * @param namespace namespace of the Lease ({@code --leader-election-namespace})
 * @param leaseName name of the Lease; cert-manager's controller uses {@code cert-manager-controller}
 * @param leaseDuration how long other candidates wait after the last renewal before taking over
 *     ({@code --leader-election-lease-duration})
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leadership
 *     ({@code --leader-election-renew-deadline})
 * @param retryPeriod wait between attempts to acquire or renew ({@code --leader-election-retry-period})
 * @param healthzTimeout how long past {@code leaseDuration} without a renewal {@code /livez} still
 *     reports healthy ({@code --internal-healthz-leader-election-timeout})
 * @param identity this candidate's holder identity in the Lease
 */
public record LeaderElectionSettings(boolean enabled, String namespace, String leaseName, Duration leaseDuration,
        Duration renewDeadline, Duration retryPeriod, Duration healthzTimeout, String identity) {
    public static final String DEFAULT_LEASE_NAME = "cert-manager-controller";
    public static final String DEFAULT_NAMESPACE = "kube-system";
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(60);
    public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(40);
    public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(15);
    public static final Duration DEFAULT_HEALTHZ_TIMEOUT = Duration.ofSeconds(20);

    /** Factor by which fabric8 (as client-go) may stretch the retry period with random jitter. */
    static final double JITTER_FACTOR = 1.2;

    public LeaderElectionSettings {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(leaseName, "leaseName");
        Objects.requireNonNull(leaseDuration, "leaseDuration");
        Objects.requireNonNull(renewDeadline, "renewDeadline");
        Objects.requireNonNull(retryPeriod, "retryPeriod");
        Objects.requireNonNull(healthzTimeout, "healthzTimeout");
        Objects.requireNonNull(identity, "identity");
        if (enabled) {
            validate(namespace, leaseDuration, renewDeadline, retryPeriod);
        }
    }

    /** Returns cert-manager's defaults with an identity made of the host name and a random suffix. */
    public static LeaderElectionSettings defaults() {
        return new LeaderElectionSettings(true, DEFAULT_NAMESPACE, DEFAULT_LEASE_NAME, DEFAULT_LEASE_DURATION,
                DEFAULT_RENEW_DEADLINE, DEFAULT_RETRY_PERIOD, DEFAULT_HEALTHZ_TIMEOUT, defaultIdentity());
    }

    public LeaderElectionSettings withEnabled(boolean enable) {
        return new LeaderElectionSettings(enable, namespace, leaseName, leaseDuration, renewDeadline, retryPeriod,
                healthzTimeout, identity);
    }

    public LeaderElectionSettings withNamespace(String leaseNamespace) {
        return new LeaderElectionSettings(enabled, leaseNamespace, leaseName, leaseDuration, renewDeadline,
                retryPeriod, healthzTimeout, identity);
    }

    public LeaderElectionSettings withTimings(Duration lease, Duration renew, Duration retry) {
        return new LeaderElectionSettings(enabled, namespace, leaseName, lease, renew, retry, healthzTimeout,
                identity);
    }

    public LeaderElectionSettings withIdentity(String holderIdentity) {
        return new LeaderElectionSettings(enabled, namespace, leaseName, leaseDuration, renewDeadline, retryPeriod,
                healthzTimeout, holderIdentity);
    }

    /** Rejects timings with which two leaders could overlap, with client-go's rules. */
    private static void validate(String namespace, Duration lease, Duration renew, Duration retry) {
        if (namespace.isBlank()) {
            throw new IllegalArgumentException("--leader-election-namespace must not be empty");
        }
        if (retry.isNegative() || retry.isZero()) {
            throw new IllegalArgumentException("--leader-election-retry-period must be positive, got " + retry);
        }
        if (lease.compareTo(renew) <= 0) {
            throw new IllegalArgumentException("--leader-election-lease-duration (" + lease
                    + ") must be greater than --leader-election-renew-deadline (" + renew + ")");
        }
        if (renew.toNanos() <= JITTER_FACTOR * retry.toNanos()) {
            throw new IllegalArgumentException("--leader-election-renew-deadline (" + renew + ") must be greater than "
                    + JITTER_FACTOR + " times --leader-election-retry-period (" + retry + ")");
        }
    }

    private static String defaultIdentity() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "_" + UUID.randomUUID();
    }
}
