package io.certwright.acme.orders;

import io.certwright.api.model.ACMEChallengeSolver;
import io.certwright.api.model.CertificateDNSNameSelector;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the solver for one authorization, as cert-manager's solver picker does.
 *
 * <p>Only solvers whose challenge type the authorization offers are considered. A solver without a
 * selector is the default, used only when no solver with a selector matches. A selector matches
 * when all its matchLabels are on the Order, the domain is in its dnsNames (when it lists any) and
 * the domain lies in one of its dnsZones (when it lists any). Among matches, one that names the
 * domain in dnsNames wins. Next the longer matching zone (counted in labels) wins, then more
 * matchLabels, and a tie keeps the solver listed first. For a wildcard authorization the domain matched is {@code *.<name>}.
 */
public final class SolverPicker {
    public static final String HTTP_01 = "http-01";
    public static final String DNS_01 = "dns-01";

    private SolverPicker() {
    }

    /**
     * @param domain the name to match, {@code *.}-prefixed for wildcard authorizations
     * @param offeredTypes the ACME challenge types the authorization offers, e.g. {@code http-01}
     * @param orderLabels the Order's labels, matched against selector matchLabels
     */
    public static Optional<ACMEChallengeSolver> pick(List<ACMEChallengeSolver> solvers, String domain,
            List<String> offeredTypes, Map<String, String> orderLabels) {
        if (solvers == null) {
            return Optional.empty();
        }
        Map<String, String> labels = orderLabels == null ? Map.of() : orderLabels;
        ACMEChallengeSolver fallback = null;
        ACMEChallengeSolver best = null;
        Score bestScore = null;
        for (ACMEChallengeSolver solver : solvers) {
            String type = typeOf(solver);
            if (type == null || !offeredTypes.contains(type)) {
                continue;
            }
            CertificateDNSNameSelector selector = solver.getSelector();
            if (selector == null) {
                if (fallback == null) {
                    fallback = solver;
                }
                continue;
            }
            Optional<Score> score = score(selector, domain, labels);
            if (score.isPresent() && (bestScore == null || score.get().beats(bestScore))) {
                best = solver;
                bestScore = score.get();
            }
        }
        return Optional.ofNullable(best != null ? best : fallback);
    }

    /** Returns {@code http-01} or {@code dns-01} for a solver, or null when it configures neither. */
    public static String typeOf(ACMEChallengeSolver solver) {
        if (solver.getHttp01() != null) {
            return HTTP_01;
        }
        if (solver.getDns01() != null) {
            return DNS_01;
        }
        return null;
    }

    private record Score(boolean dnsNameMatch, int zoneLabels, int matchLabels) {
        boolean beats(Score other) {
            if (dnsNameMatch != other.dnsNameMatch) {
                return dnsNameMatch;
            }
            if (zoneLabels != other.zoneLabels) {
                return zoneLabels > other.zoneLabels;
            }
            return matchLabels > other.matchLabels;
        }
    }

    private static Optional<Score> score(CertificateDNSNameSelector selector, String domain, Map<String, String> labels) {
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        for (Map.Entry<String, String> entry : matchLabels.entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return Optional.empty();
            }
        }
        boolean dnsNameMatch = false;
        if (selector.getDnsNames() != null && !selector.getDnsNames().isEmpty()) {
            if (!selector.getDnsNames().contains(domain)) {
                return Optional.empty();
            }
            dnsNameMatch = true;
        }
        int zoneLabels = 0;
        if (selector.getDnsZones() != null && !selector.getDnsZones().isEmpty()) {
            for (String zone : selector.getDnsZones()) {
                if (domain.equals(zone) || domain.endsWith("." + zone)) {
                    zoneLabels = Math.max(zoneLabels, zone.split("\\.").length);
                }
            }
            if (zoneLabels == 0) {
                return Optional.empty();
            }
        }
        return Optional.of(new Score(dnsNameMatch, zoneLabels, matchLabels.size()));
    }
}
