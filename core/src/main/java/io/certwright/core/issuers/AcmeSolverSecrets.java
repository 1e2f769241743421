package io.certwright.core.issuers;

import io.certwright.api.model.ACMEChallengeSolver;
import io.certwright.api.model.ACMEIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Secrets that the DNS-01 solvers of an ACME issuer refer to, such as an RFC 2136 TSIG secret or a
 * Cloudflare API token. The solver settings are kept as JSON maps, so references are found by shape: every
 * object under a solver's {@code dns01} block whose field name ends in {@code SecretRef} and that has a
 * {@code name}. That covers every cert-manager DNS-01 provider's credentials.
 */
public final class AcmeSolverSecrets {
    private static final String SECRET_REF_SUFFIX = "SecretRef";

    private AcmeSolverSecrets() {
    }

    /**
     * A Secret reference of one solver.
     *
     * @param field the field path, such as {@code spec.acme.solvers[0].dns01.rfc2136.tsigSecretSecretRef}
     * @param name the Secret's name
     * @param key the data key, or empty when the reference names none
     */
    public record Reference(String field, String name, String key) {
    }

    /** Returns the Secret references of every DNS-01 solver of {@code acme}, in solver order. */
    public static List<Reference> of(ACMEIssuer acme) {
        List<Reference> references = new ArrayList<>();
        if (acme == null || acme.getSolvers() == null) {
            return references;
        }
        List<ACMEChallengeSolver> solvers = acme.getSolvers();
        for (int i = 0; i < solvers.size(); i++) {
            ACMEChallengeSolver solver = solvers.get(i);
            if (solver != null && solver.getDns01() != null) {
                collect("spec.acme.solvers[" + i + "].dns01", solver.getDns01(), references);
            }
        }
        return references;
    }

    private static void collect(String path, Map<?, ?> settings, List<Reference> references) {
        for (Map.Entry<?, ?> entry : settings.entrySet()) {
            String field = path + "." + entry.getKey();
            if (!(entry.getValue() instanceof Map<?, ?> value)) {
                continue;
            }
            if (String.valueOf(entry.getKey()).endsWith(SECRET_REF_SUFFIX) && value.get("name") instanceof String name
                    && !name.isEmpty()) {
                Object key = value.get("key");
                references.add(new Reference(field, name, key == null ? "" : key.toString()));
            } else {
                collect(field, value, references);
            }
        }
    }
}
