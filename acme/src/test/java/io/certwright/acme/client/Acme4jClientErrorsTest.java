package io.certwright.acme.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.acme.testing.AcmeFixtures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class Acme4jClientErrorsTest {
    @Test
    void causesFollowMessage() {
        Exception failure = new IOException("Network error", new ConnectException("Connection refused"));

        assertThat(Acme4jClient.withCauses(failure)).isEqualTo("Network error: ConnectException (Connection refused)");
    }

    @Test
    void unreachableServerNamesDirectoryAndCause() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI directory = URI.create("http://127.0.0.1:" + closedPort + "/dir");

        assertThatThrownBy(() -> Acme4jClient.register(directory, new TlsTrust.SystemDefault(),
                AcmeFixtures.rsaKey(), "", null))
                .isInstanceOf(AcmeClientException.class)
                .hasMessageContaining("registering the ACME account at " + directory + " failed")
                .hasMessageContaining("ConnectException");
    }
}
