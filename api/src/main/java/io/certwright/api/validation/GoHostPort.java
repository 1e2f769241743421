package io.certwright.api.validation;

/** Go's {@code net.SplitHostPort}, with the same rules and error texts. */
final class GoHostPort {
    private GoHostPort() {
    }

    /**
     * Splits {@code host:port} or {@code [host]:port}; the port may be empty.
     *
     * @throws IllegalArgumentException with Go's message, such as "address x: missing port in address"
     */
    static String[] split(String hostPort) {
        int lastColon = hostPort.lastIndexOf(':');
        if (lastColon < 0) {
            throw error(hostPort, "missing port in address");
        }
        String host;
        int searchOpen = 0;
        int searchClose = 0;
        if (hostPort.startsWith("[")) {
            int end = hostPort.indexOf(']');
            if (end < 0) {
                throw error(hostPort, "missing ']' in address");
            }
            if (end + 1 == hostPort.length()) {
                throw error(hostPort, "missing port in address");
            }
            if (end + 1 != lastColon) {
                throw error(hostPort, hostPort.charAt(end + 1) == ':' ? "too many colons in address" : "missing port in address");
            }
            host = hostPort.substring(1, end);
            searchOpen = 1;
            searchClose = end + 1;
        } else {
            host = hostPort.substring(0, lastColon);
            if (host.indexOf(':') >= 0) {
                throw error(hostPort, "too many colons in address");
            }
        }
        if (hostPort.indexOf('[', searchOpen) >= 0) {
            throw error(hostPort, "unexpected '[' in address");
        }
        if (hostPort.indexOf(']', searchClose) >= 0) {
            throw error(hostPort, "unexpected ']' in address");
        }
        return new String[] {host, hostPort.substring(lastColon + 1)};
    }

    private static IllegalArgumentException error(String address, String reason) {
        return new IllegalArgumentException("address " + address + ": " + reason);
    }
}
