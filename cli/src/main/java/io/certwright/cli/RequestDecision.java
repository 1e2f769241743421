package io.certwright.cli;

import io.certwright.api.Conditions;
import io.certwright.api.model.CertificateRequest;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.requests.RequestConditions;
import io.certwright.kubernetes.ApiErrors;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Sets the Approved or Denied condition of a CertificateRequest through the status subresource, as
 * {@code cmctl approve} and {@code cmctl deny} do. A request that is already approved or denied is left
 * unchanged and the command fails, because an approval decision is final.
 *
 * @param conditionType {@link Conditions#APPROVED} or {@link Conditions#DENIED}
 * @param verb {@code approve} or {@code deny}, for messages
 * @param pastTense {@code approved} or {@code denied}, for messages
 * @param done the word that starts the success line, {@code Approved} or {@code Denied}
 */
record RequestDecision(String conditionType, String verb, String pastTense, String done) {
    static final RequestDecision APPROVE = new RequestDecision(Conditions.APPROVED, "approve", "approved", "Approved");
    static final RequestDecision DENY = new RequestDecision(Conditions.DENIED, "deny", "denied", "Denied");

    /** Message written when {@code --message} is not given, naming cmctl as cert-manager's own tooling does. */
    String defaultMessage() {
        return "manually " + pastTense + " by \"cmctl\"";
    }

    int apply(CommandLine.Model.CommandSpec spec, ClusterOptions cluster, String namespaceOption, String name,
            String reason, String message, Clock clock) {
        if (reason == null || reason.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "a reason must be given as to who " + pastTense + " this CertificateRequest");
        }
        if (message == null || message.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "a message must be given as to why this CertificateRequest is " + pastTense);
        }
        try (KubeConnection connection = KubeConnection.open(spec, cluster, namespaceOption)) {
            ApiObjects objects = connection.objects();
            try {
                CertificateRequest request = objects.get(ResourceKind.CERTIFICATE_REQUEST, connection.namespace(), name)
                        .orElseThrow(() -> new IllegalStateException(
                                ApiNames.notFound(ResourceKind.CERTIFICATE_REQUEST, name)));
                if (RequestConditions.isApproved(request)) {
                    throw new IllegalStateException("CertificateRequest is already approved");
                }
                if (RequestConditions.isDenied(request)) {
                    throw new IllegalStateException("CertificateRequest is already denied");
                }
                RequestConditions.set(request, conditionType, Conditions.TRUE, reason, message, clock.instant());
                objects.updateStatus(ResourceKind.CERTIFICATE_REQUEST, request);
                spec.commandLine().getOut().println(done + " CertificateRequest '" + request.getMetadata().getNamespace()
                        + "/" + request.getMetadata().getName() + "'");
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            } catch (KubernetesClientException e) {
                throw new IllegalStateException(ApiErrors.serverMessage(e), e);
            }
        }
    }
}
