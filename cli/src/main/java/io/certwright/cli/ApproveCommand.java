package io.certwright.cli;

import io.certwright.api.Conditions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code certwright approve NAME}: marks a CertificateRequest in a cluster as Approved, as {@code cmctl approve} does. */
@Command(name = "approve",
        description = "Marks a CertificateRequest as Approved, so that its issuer may sign it. Cluster only.")
final class ApproveCommand extends RequestDecisionCommand {
    @Option(names = "--reason", paramLabel = "REASON",
            description = "Reason of the Approved condition: who approved it (default: ${DEFAULT-VALUE}).")
    String reason = Conditions.REASON_KUBECTL_CERT_MANAGER;

    @Option(names = "--message", paramLabel = "TEXT",
            description = "Message of the Approved condition: why it was approved (default: ${DEFAULT-VALUE}).")
    String message = RequestDecision.APPROVE.defaultMessage();

    @Override
    RequestDecision decision() {
        return RequestDecision.APPROVE;
    }

    @Override
    String reason() {
        return reason;
    }

    @Override
    String message() {
        return message;
    }
}
