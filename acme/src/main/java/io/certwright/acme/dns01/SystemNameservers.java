package io.certwright.acme.dns01;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The recursive nameservers used when none are configured: the {@code nameserver} lines of
 * {@code /etc/resolv.conf} on port 53, or Google Public DNS when the file lists none, as cert-manager
 * falls back.
 */
public final class SystemNameservers {
    public static final Path RESOLV_CONF = Path.of("/etc/resolv.conf");
    public static final List<HostPort> FALLBACK = List.of(new HostPort("8.8.8.8", 53), new HostPort("8.8.4.4", 53));

    private SystemNameservers() {
    }

    /** Returns the nameservers of {@code resolvConf}, or {@link #FALLBACK} when it cannot be read or lists none. */
    public static List<HostPort> read(Path resolvConf) {
        try {
            List<HostPort> found = parse(Files.readString(resolvConf));
            return found.isEmpty() ? FALLBACK : found;
        } catch (IOException e) {
            return FALLBACK;
        }
    }

    /** Returns the addresses of the {@code nameserver} lines of resolv.conf text, each on port 53. */
    static List<HostPort> parse(String resolvConf) {
        List<HostPort> nameservers = new ArrayList<>();
        for (String line : resolvConf.split("\n")) {
            String[] fields = line.strip().split("\\s+");
            if (fields.length >= 2 && fields[0].equals("nameserver")) {
                // A scoped IPv6 address (fe80::1%eth0) keeps its scope, which the JDK accepts.
                nameservers.add(new HostPort(fields[1], 53));
            }
        }
        return nameservers;
    }
}
