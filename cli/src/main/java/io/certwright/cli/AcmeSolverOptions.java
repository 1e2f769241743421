package io.certwright.cli;

import io.certwright.kubernetes.http01.SolverLabels;
import io.certwright.kubernetes.http01.SolverSettings;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** The controller's {@code --acme-http01-solver-*} flags, which shape the HTTP-01 solver Pods. */
final class AcmeSolverOptions {
    private static final Logger log = LoggerFactory.getLogger(AcmeSolverOptions.class);
    private static final Set<String> IDENTITY_LABELS = Set.of(SolverLabels.DOMAIN, SolverLabels.TOKEN,
            SolverLabels.SOLVER);

    @Option(names = "--acme-http01-solver-image", paramLabel = "IMAGE",
            description = "Image of the HTTP-01 solver Pods; it must accept acmesolver's --listen-port, --domain,"
                    + " --token and --key arguments (default: ${DEFAULT-VALUE}).")
    String image = SolverSettings.DEFAULT_IMAGE;

    @Option(names = "--acme-http01-solver-resource-request-cpu", paramLabel = "QUANTITY",
            description = "CPU request of the solver container (default: ${DEFAULT-VALUE}).")
    String requestCpu = SolverSettings.DEFAULT_REQUEST_CPU;

    @Option(names = "--acme-http01-solver-resource-request-memory", paramLabel = "QUANTITY",
            description = "Memory request of the solver container (default: ${DEFAULT-VALUE}).")
    String requestMemory = SolverSettings.DEFAULT_REQUEST_MEMORY;

    @Option(names = "--acme-http01-solver-resource-limits-cpu", paramLabel = "QUANTITY",
            description = "CPU limit of the solver container (default: ${DEFAULT-VALUE}).")
    String limitsCpu = SolverSettings.DEFAULT_LIMITS_CPU;

    @Option(names = "--acme-http01-solver-resource-limits-memory", paramLabel = "QUANTITY",
            description = "Memory limit of the solver container (default: ${DEFAULT-VALUE}).")
    String limitsMemory = SolverSettings.DEFAULT_LIMITS_MEMORY;

    @Option(names = "--acme-http01-solver-run-as-non-root", arity = "0..1", fallbackValue = "true",
            paramLabel = "BOOL",
            description = "Set runAsNonRoot in the solver Pods' security context (default: ${DEFAULT-VALUE}).")
    boolean runAsNonRoot = true;

    @Option(names = "--acme-http01-solver-extra-labels", split = ",", paramLabel = "KEY=VALUE",
            description = "Labels added to the solver Pods, Services and Ingresses; the acme.cert-manager.io"
                    + " identity labels cannot be overridden.")
    Map<String, String> extraLabels = new LinkedHashMap<>();

    @Option(names = "--acme-http01-solver-runtime-class-name", paramLabel = "NAME",
            description = "runtimeClassName of the solver Pods (default: none).")
    String runtimeClassName = "";

    /** Builds the solver settings; throws IllegalArgumentException naming the flag of an invalid quantity. */
    SolverSettings settings() {
        checkQuantity("--acme-http01-solver-resource-request-cpu", requestCpu);
        checkQuantity("--acme-http01-solver-resource-request-memory", requestMemory);
        checkQuantity("--acme-http01-solver-resource-limits-cpu", limitsCpu);
        checkQuantity("--acme-http01-solver-resource-limits-memory", limitsMemory);
        if (image.isBlank()) {
            throw new IllegalArgumentException("--acme-http01-solver-image must not be empty");
        }
        Map<String, String> labels = new LinkedHashMap<>(extraLabels);
        for (String key : List.copyOf(labels.keySet())) {
            if (IDENTITY_LABELS.contains(key)) {
                log.warn("--acme-http01-solver-extra-labels: ignoring {}, which identifies the solver objects of a"
                        + " challenge and is always set by the controller", key);
                labels.remove(key);
            }
        }
        return SolverSettings.defaults().withPod(image, requestCpu, requestMemory, limitsCpu, limitsMemory,
                runAsNonRoot, labels, runtimeClassName);
    }

    private static void checkQuantity(String flag, String value) {
        try {
            Quantity.getAmountInBytes(new Quantity(value));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid " + flag + " '" + value + "': use a Kubernetes quantity"
                    + " such as 100m, 1, 64Mi or 1Gi");
        }
    }
}
