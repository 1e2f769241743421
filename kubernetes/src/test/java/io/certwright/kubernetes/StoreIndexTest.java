package io.certwright.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.certwright.api.model.Certificate;
import io.certwright.core.cluster.ClusterIndex;
import org.junit.jupiter.api.Test;

class StoreIndexTest {
    private final StoreIndex index = new StoreIndex(ClusterIndex.CERTIFICATES_BY_SECRET_NAME);

    private static Certificate certificate(String name, String secretName) {
        Certificate certificate = TestObjects.certificate("team-a", name);
        certificate.getSpec().setSecretName(secretName);
        return certificate;
    }

    @Test
    void keysFollowAddsAndRemoves() {
        index.update("team-a/web", null, certificate("web", "shared-tls"));
        index.update("team-a/api", null, certificate("api", "shared-tls"));
        index.update("team-a/db", null, certificate("db", "shared-tls"));

        assertThat(index.keys("shared-tls")).containsExactlyInAnyOrder("team-a/web", "team-a/api", "team-a/db");

        index.update("team-a/api", certificate("api", "shared-tls"), null);
        assertThat(index.keys("shared-tls")).containsExactlyInAnyOrder("team-a/web", "team-a/db");

        index.update("team-a/web", certificate("web", "shared-tls"), null);
        index.update("team-a/db", certificate("db", "shared-tls"), null);
        assertThat(index.keys("shared-tls")).isEmpty();
    }

    @Test
    void changedValueMovesKey() {
        index.update("team-a/web", null, certificate("web", "old-tls"));

        index.update("team-a/web", certificate("web", "old-tls"), certificate("web", "new-tls"));

        assertThat(index.keys("old-tls")).isEmpty();
        assertThat(index.keys("new-tls")).containsExactly("team-a/web");
    }

    @Test
    void repeatedUpdateKeepsOneKey() {
        index.update("team-a/web", null, certificate("web", "web-tls"));
        index.update("team-a/api", null, certificate("api", "web-tls"));

        index.update("team-a/web", certificate("web", "web-tls"), certificate("web", "web-tls"));
        index.update("team-a/api", certificate("api", "web-tls"), certificate("api", "web-tls"));

        assertThat(index.keys("web-tls")).containsExactlyInAnyOrder("team-a/web", "team-a/api");
    }

    @Test
    void unknownIndexIsRejected() {
        StoreIndexes indexes = new StoreIndexes();
        indexes.add(ClusterIndex.CERTIFICATES_BY_SECRET_NAME);

        assertThat(indexes.keys(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, "web-tls")).isEmpty();
        assertThatThrownBy(() -> indexes.keys(ClusterIndex.REQUESTS_BY_CONTROLLER, "uid"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was not added");
    }
}
