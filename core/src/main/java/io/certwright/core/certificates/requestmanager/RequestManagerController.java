package io.certwright.core.certificates.requestmanager;

import io.certwright.api.Annotations;
import io.certwright.api.Conditions;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateCondition;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.CertificateRequestCondition;
import io.certwright.api.model.CertificateRequestSpec;
import io.certwright.api.model.CertificateSpec;
import io.certwright.core.ControllerOptions;
import io.certwright.core.certificates.CertificateConditions;
import io.certwright.core.certificates.LiveCertificates;
import io.certwright.core.certificates.keymanager.NextPrivateKeys;
import io.certwright.core.certificates.policies.RequestMatcher;
import io.certwright.core.certificates.secrets.SecretOwnerReferences;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterException;
import io.certwright.core.cluster.EventRecorder;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.controller.Reconciler;
import io.certwright.core.controller.Result;
import io.certwright.pki.Csrs;
import io.certwright.pki.PkiException;
import io.certwright.pki.PrivateKeys;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code certificates-request-manager} controller: while a Certificate is issuing and its next private
 * key exists, it makes sure exactly one CertificateRequest exists for the next revision, matching the
 * spec and signed with that key. Requests that are out of date, or that failed before the current
 * issuance started, are deleted and replaced.
 */
public final class RequestManagerController implements Reconciler {
    public static final String NAME = "certificates-request-manager";
    public static final String FIELD_MANAGER = "cert-manager-" + NAME;

    static final String REASON_REQUESTED = "Requested";
    static final String REASON_REQUEST_FAILED = "RequestFailed";

    private static final Logger log = LoggerFactory.getLogger(RequestManagerController.class);

    private final Cluster cluster;
    private final ControllerOptions options;
    private final EventRecorder events;

    public RequestManagerController(Cluster cluster, ControllerOptions options) {
        this.cluster = cluster;
        this.options = options;
        this.events = cluster.events(FIELD_MANAGER);
    }

    @Override
    public Result reconcile(ObjectKey key) {
        Optional<Certificate> found = LiveCertificates.find(cluster, key);
        if (found.isEmpty()) {
            return Result.done();
        }
        Certificate certificate = found.get();
        if (!CertificateConditions.isTrue(certificate, Conditions.ISSUING)) {
            return Result.done();
        }
        Optional<PrivateKey> nextKey = NextPrivateKeys.read(cluster, certificate);
        if (nextKey.isEmpty()) {
            return Result.done();
        }

        List<CertificateRequest> owned = deleteRequestsWithoutRevision(OwnedRequests.of(cluster, certificate));
        int nextRevision = OwnedRequests.nextRevision(certificate);
        List<CertificateRequest> candidates = owned.stream()
                .filter(request -> OwnedRequests.revisionOf(request).getAsInt() == nextRevision)
                .toList();
        candidates = deleteRequestsNotMatching(certificate, nextKey.get(), candidates);
        candidates = deleteRequestsFailedBeforeThisIssuance(certificate, candidates);

        if (candidates.size() > 1) {
            log.error("{} certificate requests exist for revision {}; no new request is created until the extra"
                    + " ones are deleted", candidates.size(), nextRevision);
            return Result.done();
        }
        if (candidates.size() == 1) {
            return Result.done();
        }
        createRequest(certificate, nextKey.get(), nextRevision);
        return Result.done();
    }

    private List<CertificateRequest> deleteRequestsWithoutRevision(List<CertificateRequest> requests) {
        List<CertificateRequest> kept = new ArrayList<>();
        for (CertificateRequest request : requests) {
            if (OwnedRequests.revisionOf(request).isPresent()) {
                kept.add(request);
            } else {
                log.debug("deleting certificate request {}: no valid revision annotation",
                        request.getMetadata().getName());
                delete(request);
            }
        }
        return kept;
    }

    /**
     * Deletes requests that no longer match the spec or were signed with another key. A request whose
     * CSR cannot be parsed is left alone and not counted, as cert-manager does.
     */
    private List<CertificateRequest> deleteRequestsNotMatching(Certificate certificate, PrivateKey nextKey,
            List<CertificateRequest> requests) {
        List<CertificateRequest> kept = new ArrayList<>();
        for (CertificateRequest request : requests) {
            List<String> violations;
            boolean sameKey;
            try {
                violations = RequestMatcher.requestMatchesSpec(request, certificate.getSpec());
                sameKey = PrivateKeys.publicKeysEqual(PrivateKeys.publicKeyOf(nextKey),
                        Csrs.parseUnverified(request.getSpec().getRequest()).publicKey());
            } catch (PkiException | RuntimeException e) {
                log.warn("cannot check whether certificate request {} is up to date: {}",
                        request.getMetadata().getName(), e.getMessage());
                continue;
            }
            if (!violations.isEmpty()) {
                log.debug("deleting certificate request {}: fields out of date {}", request.getMetadata().getName(),
                        violations);
                delete(request);
            } else if (!sameKey) {
                log.debug("deleting certificate request {}: signed with another private key",
                        request.getMetadata().getName());
                delete(request);
            } else {
                kept.add(request);
            }
        }
        return kept;
    }

    /**
     * Deletes requests of this revision that failed before the Issuing condition last became True. A manual
     * renewal or a retry after the backoff starts a new attempt, and the old failure must not block it.
     */
    private List<CertificateRequest> deleteRequestsFailedBeforeThisIssuance(Certificate certificate,
            List<CertificateRequest> requests) {
        Instant issuingSince = CertificateConditions.find(certificate, Conditions.ISSUING)
                .map(CertificateCondition::getLastTransitionTime)
                .orElse(null);
        if (issuingSince == null) {
            return requests;
        }
        List<CertificateRequest> kept = new ArrayList<>();
        for (CertificateRequest request : requests) {
            if (failedBefore(request, issuingSince)) {
                log.debug("deleting certificate request {}: it failed before the current issuance started",
                        request.getMetadata().getName());
                delete(request);
            } else {
                kept.add(request);
            }
        }
        return kept;
    }

    /** Returns true when the request is Ready=False with reason Failed and its failureTime is before {@code instant}. */
    public static boolean failedBefore(CertificateRequest request, Instant instant) {
        if (request.getStatus() == null || request.getStatus().getFailureTime() == null
                || request.getStatus().getConditions() == null) {
            return false;
        }
        boolean failed = request.getStatus().getConditions().stream()
                .filter(condition -> Conditions.READY.equals(condition.getType()))
                .map(CertificateRequestCondition::getReason)
                .anyMatch(Conditions.REASON_FAILED::equals);
        return failed && request.getStatus().getFailureTime().isBefore(instant);
    }

    private void createRequest(Certificate certificate, PrivateKey nextKey, int nextRevision) {
        String csrPem;
        try {
            KeyPair keyPair = new KeyPair(PrivateKeys.publicKeyOf(nextKey), nextKey);
            csrPem = Csrs.buildPem(CsrTemplates.fromCertificate(certificate), keyPair);
        } catch (PkiException | IllegalArgumentException e) {
            // A spec the CSR cannot be built from does not get better by retrying; a spec change re-triggers.
            events.record(certificate, EventRecorder.WARNING, REASON_REQUEST_FAILED,
                    "Failed to generate CSR: " + e.getMessage() + " - will not retry");
            return;
        }

        CertificateRequest request = buildRequest(certificate, nextRevision, csrPem);
        CertificateRequest created;
        try {
            created = cluster.create(ResourceKind.CERTIFICATE_REQUEST, request);
        } catch (ClusterException e) {
            events.record(certificate, EventRecorder.WARNING, REASON_REQUEST_FAILED,
                    "Failed to create CertificateRequest: " + e.getMessage());
            throw e;
        }
        log.info("created certificate request {} for revision {}", created.getMetadata().getName(), nextRevision);
        events.record(certificate, EventRecorder.NORMAL, REASON_REQUESTED,
                "Created new CertificateRequest resource \"" + created.getMetadata().getName() + "\"");
    }

    private CertificateRequest buildRequest(Certificate certificate, int nextRevision, String csrPem) {
        CertificateSpec spec = certificate.getSpec();
        Map<String, String> annotations = new LinkedHashMap<>(
                CopiedAnnotations.select(certificate.getMetadata().getAnnotations(), options.copiedAnnotationPrefixes()));
        annotations.put(Annotations.CERTIFICATE_REVISION, Integer.toString(nextRevision));
        annotations.put(Annotations.PRIVATE_KEY_SECRET_NAME, certificate.getStatus().getNextPrivateKeySecretName());
        annotations.put(Annotations.CERTIFICATE_NAME, certificate.getMetadata().getName());

        CertificateRequest request = new CertificateRequest();
        request.getMetadata().setNamespace(certificate.getMetadata().getNamespace());
        request.getMetadata().setName(RequestNames.forRevision(certificate.getMetadata().getName(), nextRevision));
        request.getMetadata().setAnnotations(annotations);
        Map<String, String> labels = certificate.getMetadata().getLabels();
        request.getMetadata().setLabels(labels == null ? null : new LinkedHashMap<>(labels));
        request.getMetadata().setOwnerReferences(List.of(SecretOwnerReferences.controllerReference(certificate)));

        CertificateRequestSpec requestSpec = new CertificateRequestSpec();
        requestSpec.setDuration(spec.getDuration());
        requestSpec.setIssuerRef(spec.getIssuerRef());
        requestSpec.setRequest(csrPem.getBytes(StandardCharsets.US_ASCII));
        requestSpec.setIsCA(spec.getIsCA());
        requestSpec.setUsages(spec.getUsages());
        request.setSpec(requestSpec);
        return request;
    }

    private void delete(CertificateRequest request) {
        cluster.delete(ResourceKind.CERTIFICATE_REQUEST, request.getMetadata().getNamespace(),
                request.getMetadata().getName());
    }
}
