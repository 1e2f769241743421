package io.certwright.core.certificates.requestmanager;

import static org.assertj.core.api.Assertions.assertThat;

import io.certwright.core.ControllerOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CopiedAnnotationsTest {
    private static final Map<String, String> ANNOTATIONS = Map.of(
            "example.com/team", "blue",
            "kubectl.kubernetes.io/last-applied-configuration", "{}",
            "fluxcd.io/sync", "x",
            "argocd.argoproj.io/instance", "y");

    @Test
    void defaultPrefixesDropToolAnnotations() {
        Map<String, String> copied = CopiedAnnotations.select(ANNOTATIONS,
                ControllerOptions.DEFAULT_COPIED_ANNOTATION_PREFIXES);

        assertThat(copied).containsOnlyKeys("example.com/team");
    }

    @Test
    void plainPrefixSelectsOnlyMatchingKeys() {
        Map<String, String> copied = CopiedAnnotations.select(ANNOTATIONS, List.of("fluxcd.io/"));

        assertThat(copied).containsOnlyKeys("fluxcd.io/sync");
    }

    @Test
    void noPrefixesCopyNothing() {
        assertThat(CopiedAnnotations.select(ANNOTATIONS, List.of())).isEmpty();
    }
}
