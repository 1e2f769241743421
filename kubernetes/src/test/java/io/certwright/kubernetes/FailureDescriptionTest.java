package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

class FailureDescriptionTest {
    @Test
    void causesWithoutMessageNamedByType() {
        Exception failure = new IllegalStateException(null, new ClosedChannelException());

        assertThat(KubernetesCluster.describeFailure(failure))
                .isEqualTo("IllegalStateException: ClosedChannelException");
    }

    @Test
    void messagesOfEveryCauseIncluded() {
        Exception failure = new IOException("Failed to list certificates",
                new ConnectException("Connection refused"));

        assertThat(KubernetesCluster.describeFailure(failure))
                .isEqualTo("IOException (Failed to list certificates): ConnectException (Connection refused)");
    }
}
