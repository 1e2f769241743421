package io.certwright.acme.dns01;

/**
 * Writes and removes the TXT record of a DNS-01 challenge in one DNS service (RFC 2136, Cloudflare,
 * Route53, ...). The solver finds the record name and the zone; a provider only changes records.
 *
 * <p>Contract, which every implementation keeps:
 * <ul>
 *   <li>{@code fqdn} and {@code zone} are absolute names with a trailing dot, such as
 *       {@code _acme-challenge.example.com.} and {@code example.com.}; {@code fqdn} lies inside {@code zone}.</li>
 *   <li>{@link #present} adds the TXT value next to any other values of that name, because an apex and its
 *       wildcard use the same name with different values. Presenting a value that is already there succeeds
 *       and leaves one copy.</li>
 *   <li>{@link #cleanUp} removes only that value. Removing a value that is not there succeeds.</li>
 *   <li>Both throw {@link Dns01Exception} with a message fit for the Challenge's {@code status.reason} when the
 *       DNS service rejected the change or could not be reached; the message never contains credentials.</li>
 *   <li>Instances are created per challenge operation from the solver's configuration and may be used by one
 *       thread at a time.</li>
 * </ul>
 */
public interface DnsProvider {

    /** Adds the TXT record {@code fqdn} with {@code value} to {@code zone}. */
    void present(String fqdn, String zone, String value) throws Dns01Exception;

    /** Removes the TXT record {@code fqdn} with {@code value} from {@code zone}. */
    void cleanUp(String fqdn, String zone, String value) throws Dns01Exception;
}
