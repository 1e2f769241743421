package io.certwright.cli;

import io.certwright.api.Conditions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code certwright deny NAME}: marks a CertificateRequest in a cluster as Denied, as {@code cmctl deny} does. */
@Command(name = "deny",
        description = "Marks a CertificateRequest as Denied, so that no issuer signs it. Cluster only.")
final class DenyCommand extends RequestDecisionCommand {
    @Option(names = "--reason", paramLabel = "REASON",
            description = "Reason of the Denied condition: who denied it (default: ${DEFAULT-VALUE}).")
    String reason = Conditions.REASON_KUBECTL_CERT_MANAGER;

    @Option(names = "--message", paramLabel = "TEXT",
            description = "Message of the Denied condition: why it was denied (default: ${DEFAULT-VALUE}).")
    String message = RequestDecision.DENY.defaultMessage();

    @Override
    RequestDecision decision() {
        return RequestDecision.DENY;
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
