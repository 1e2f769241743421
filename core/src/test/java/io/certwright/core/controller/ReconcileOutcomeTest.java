package io.certwright.core.controller;

import static io.certwright.core.testing.Fixtures.certificate;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.InMemoryCluster;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.time.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the engine does after a reconcile fails: retry, or stop when the object is gone; and how it logs the retry. */
class ReconcileOutcomeTest {
    private static final ObjectKey WEB = new ObjectKey("default", "web");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryCluster cluster = new InMemoryCluster(clock);
    private final ControllerManager manager = new ControllerManager(cluster, clock);

    @AfterEach
    void closeManager() {
        manager.close();
    }

    @Test
    void notFoundForDeletedObjectIsDone() {
        register(key -> {
            throw new ClusterException.NotFound("Certificate " + key + " not found");
        });
        manager.enqueue("toy", WEB);

        manager.runUntilIdle();

        assertThat(manager.syncErrors("toy")).isZero();
        assertThat(manager.nextDueTime()).isEmpty();
    }

    @Test
    void notFoundForExistingObjectIsRetried() {
        cluster.create(ResourceKind.CERTIFICATE, certificate("web"));
        register(key -> {
            throw new ClusterException.NotFound("Secret default/web-tls not found");
        });
        manager.enqueue("toy", WEB);

        manager.runUntilIdle();

        assertThat(manager.syncErrors("toy")).isEqualTo(1);
        assertThat(manager.nextDueTime()).isPresent();
    }

    @Test
    void retryDelayIsLoggedAsGoDuration() {
        Logger logger = (Logger) LoggerFactory.getLogger(ControllerManager.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            register(key -> {
                throw new IllegalStateException("issuer not ready");
            });
            manager.enqueue("toy", WEB);

            manager.runUntilIdle();
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("reconcile of default/web failed, retrying in 1s: issuer not ready");
    }

    private void register(Reconciler reconciler) {
        manager.register(new ControllerDefinition("toy", reconciler, RateLimit.CERTIFICATES,
                KeyMappers.self(ResourceKind.CERTIFICATE)).withResourceKind(ResourceKind.CERTIFICATE.kind()));
    }
}
