package io.certwright.kubernetes.crd;

import io.certwright.core.cluster.ResourceKind;
import java.util.List;

/**
 * The CRDs of the {@code cert-manager.io} and {@code acme.cert-manager.io} groups, with the names,
 * printer columns and selectable fields of cert-manager v1.21.
 */
public final class CertManagerCrds {
    static final String CATEGORY = "cert-manager";
    static final String ACME_CATEGORY = "cert-manager-acme";
    private static final List<String> ISSUER_REF_FIELDS =
            List.of(".spec.issuerRef.group", ".spec.issuerRef.kind", ".spec.issuerRef.name");

    public static final CrdDefinition CERTIFICATE = new CrdDefinition(ResourceKind.CERTIFICATE,
            "certificates", "certificate", List.of("cert", "certs"), List.of(CATEGORY),
            List.of(
                    PrinterColumn.string("Ready", PrinterColumn.READY_STATUS),
                    PrinterColumn.string("Secret", ".spec.secretName"),
                    PrinterColumn.wide("Issuer", ".spec.issuerRef.name"),
                    PrinterColumn.wide("Status", PrinterColumn.READY_MESSAGE),
                    PrinterColumn.wide("Expiration", ".status.notAfter"),
                    PrinterColumn.age()),
            ISSUER_REF_FIELDS);

    public static final CrdDefinition CERTIFICATE_REQUEST = new CrdDefinition(ResourceKind.CERTIFICATE_REQUEST,
            "certificaterequests", "certificaterequest", List.of("cr", "crs"), List.of(CATEGORY),
            List.of(
                    PrinterColumn.string("Approved", ".status.conditions[?(@.type == \"Approved\")].status"),
                    PrinterColumn.string("Denied", ".status.conditions[?(@.type == \"Denied\")].status"),
                    PrinterColumn.string("Ready", PrinterColumn.READY_STATUS),
                    PrinterColumn.string("Issuer", ".spec.issuerRef.name"),
                    PrinterColumn.string("Requester", ".spec.username"),
                    PrinterColumn.wide("Status", PrinterColumn.READY_MESSAGE),
                    PrinterColumn.age()),
            ISSUER_REF_FIELDS);

    public static final CrdDefinition ISSUER = new CrdDefinition(ResourceKind.ISSUER,
            "issuers", "issuer", List.of("iss"), List.of(CATEGORY),
            List.of(
                    PrinterColumn.string("Ready", PrinterColumn.READY_STATUS),
                    PrinterColumn.wide("Status", PrinterColumn.READY_MESSAGE),
                    PrinterColumn.age()),
            List.of());

    public static final CrdDefinition CLUSTER_ISSUER = new CrdDefinition(ResourceKind.CLUSTER_ISSUER,
            "clusterissuers", "clusterissuer", List.of("ciss"), List.of(CATEGORY),
            List.of(
                    PrinterColumn.string("Ready", PrinterColumn.READY_STATUS),
                    PrinterColumn.wide("Status", PrinterColumn.READY_MESSAGE),
                    PrinterColumn.age()),
            List.of());

    public static final CrdDefinition ORDER = new CrdDefinition(ResourceKind.ORDER,
            "orders", "order", List.of(), List.of(CATEGORY, ACME_CATEGORY),
            List.of(
                    PrinterColumn.string("State", ".status.state"),
                    PrinterColumn.wide("Issuer", ".spec.issuerRef.name"),
                    PrinterColumn.wide("Reason", ".status.reason"),
                    PrinterColumn.age()),
            ISSUER_REF_FIELDS);

    public static final CrdDefinition CHALLENGE = new CrdDefinition(ResourceKind.CHALLENGE,
            "challenges", "challenge", List.of(), List.of(CATEGORY, ACME_CATEGORY),
            List.of(
                    PrinterColumn.string("State", ".status.state"),
                    PrinterColumn.string("Domain", ".spec.dnsName"),
                    PrinterColumn.wide("Reason", ".status.reason"),
                    PrinterColumn.age()),
            ISSUER_REF_FIELDS);

    /** Every CRD generated into {@code deploy/crds}. */
    public static final List<CrdDefinition> ALL =
            List.of(CERTIFICATE, CERTIFICATE_REQUEST, ISSUER, CLUSTER_ISSUER, ORDER, CHALLENGE);

    private CertManagerCrds() {
    }
}
