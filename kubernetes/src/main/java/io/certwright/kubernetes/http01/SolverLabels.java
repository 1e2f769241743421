package io.certwright.kubernetes.http01;

import io.certwright.api.model.Challenge;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Adler32;

/**
 * The labels that identify the Pod, Service and Ingress of one HTTP-01 challenge. The domain and token go in
 * as decimal Adler-32 checksums, because a token may be longer than a label value may be (63 characters) and
 * may hold characters a label value may not.
 */
public final class SolverLabels {
    public static final String DOMAIN = "acme.cert-manager.io/http-domain";
    public static final String TOKEN = "acme.cert-manager.io/http-token";
    public static final String SOLVER = "acme.cert-manager.io/http01-solver";

    private SolverLabels() {
    }

    /** Returns the three identity labels of a challenge's solver objects. */
    public static Map<String, String> identity(Challenge challenge) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DOMAIN, checksum(challenge.getSpec().getDnsName()));
        labels.put(TOKEN, checksum(challenge.getSpec().getToken()));
        labels.put(SOLVER, "true");
        return labels;
    }

    /**
     * Returns the labels for a new solver object: {@code extra} first, then the identity labels, which
     * replace any extra label with the same key so that clean-up still finds the object.
     */
    static Map<String, String> withIdentity(Challenge challenge, Map<String, String> extra) {
        Map<String, String> labels = new LinkedHashMap<>(extra);
        labels.putAll(identity(challenge));
        return labels;
    }

    static String checksum(String value) {
        Adler32 adler = new Adler32();
        adler.update(value.getBytes(StandardCharsets.UTF_8));
        return Long.toString(adler.getValue());
    }
}
