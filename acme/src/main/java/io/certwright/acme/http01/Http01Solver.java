package io.certwright.acme.http01;

import io.certwright.acme.challenges.Solver;
import io.certwright.api.model.Challenge;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The HTTP-01 solver of the local runtime: presents challenges on an {@link Http01Server} and
 * self-checks them the way the ACME server validates them, with a GET of
 * {@code http://<dnsName>/.well-known/acme-challenge/<token>}; see {@link Http01SelfCheck}.
 */
public final class Http01Solver implements Solver {
    private final Http01Server server;
    private final Http01SelfCheck selfCheck;

    /**
     * Self-check settings.
     *
     * @param selfCheckAddress maps a challenge's domain to the address the self-check connects to;
     *     production uses the domain's port 80, tests the solver's loopback listener
     * @param selfCheckPasses consecutive successful checks required; cert-manager requires 5
     * @param selfCheckInterval pause between checks; cert-manager pauses 2 s
     */
    public record Settings(Function<String, InetSocketAddress> selfCheckAddress, int selfCheckPasses,
            Duration selfCheckInterval) {
        public Settings {
            Objects.requireNonNull(selfCheckAddress, "selfCheckAddress");
            if (selfCheckPasses < 1) {
                throw new IllegalArgumentException("selfCheckPasses must be at least 1, got " + selfCheckPasses);
            }
        }

        /** cert-manager's self-check: port 80 of the domain, 5 passes 2 s apart. */
        public static Settings defaults() {
            return new Settings(domain -> new InetSocketAddress(domain, 80), 5, Duration.ofSeconds(2));
        }
    }

    public Http01Solver(Http01Server server, Settings settings) {
        this.server = Objects.requireNonNull(server, "server");
        this.selfCheck = new Http01SelfCheck(settings);
    }

    @Override
    public void present(Challenge challenge) {
        server.add(challenge.getSpec().getDnsName(), challenge.getSpec().getToken(), challenge.getSpec().getKey());
    }

    @Override
    public void check(Challenge challenge) throws Exception {
        selfCheck.check(challenge, this);
    }

    @Override
    public void cleanUp(Challenge challenge) {
        server.remove(challenge.getSpec().getDnsName(), challenge.getSpec().getToken());
    }
}
