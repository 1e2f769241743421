package io.certwright.core.certificates.requestmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RequestNamesTest {
    @Test
    void shortNameGetsRevisionSuffix() {
        assertThat(RequestNames.forRevision("app", 7)).isEqualTo("app-7");
    }

    @Test
    void nameOfMaximumBaseLengthIsKept() {
        String name = "a".repeat(233);

        assertThat(RequestNames.forRevision(name, 1)).isEqualTo(name + "-1");
    }

    @Test
    void longNameIsCutAndHashed() throws Exception {
        String name = "a".repeat(167) + "-." + "b".repeat(100);
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(name.getBytes(StandardCharsets.UTF_8)));

        String requestName = RequestNames.forRevision(name, 12);

        // The 168-character prefix ends in "-", which is cut so the name stays a valid DNS label.
        assertThat(requestName).isEqualTo("a".repeat(167) + "-" + hash + "-12");
        assertThat(requestName.length() - "-12".length()).isLessThanOrEqualTo(233);
    }
}
