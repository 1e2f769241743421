package io.certwright.acme.client;

/**
 * An ACME identifier.
 *
 * @param type {@code dns} or {@code ip}
 * @param value the DNS name (a wildcard keeps its {@code *.} prefix) or the IP address
 */
public record AcmeIdentifier(String type, String value) {
    public static AcmeIdentifier dns(String name) {
        return new AcmeIdentifier("dns", name);
    }

    public static AcmeIdentifier ip(String address) {
        return new AcmeIdentifier("ip", address);
    }
}
