package io.certwright.core.controller;

import io.certwright.api.model.ACMEIssuer;
import io.certwright.api.model.CAIssuer;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateRequest;
import io.certwright.api.model.ClusterIssuer;
import io.certwright.api.model.Issuer;
import io.certwright.api.model.IssuerReference;
import io.certwright.api.model.IssuerSpec;
import io.certwright.core.ControllerOptions;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ClusterIndex;
import io.certwright.core.cluster.ObjectKey;
import io.certwright.core.cluster.ResourceKind;
import io.certwright.core.issuers.AcmeSolverSecrets;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The {@link KeyMapper}s the controllers wire their watches with. */
public final class KeyMappers {
    private static final String CERT_MANAGER_GROUP = "cert-manager.io";

    private KeyMappers() {
    }

    /** Maps an object of {@code kind} to its own key; other kinds map to nothing. */
    public static KeyMapper self(ResourceKind<?> kind) {
        return (changedKind, object) -> changedKind == kind ? List.of(ObjectKey.of(object)) : List.of();
    }

    /**
     * Maps an object of {@code objectKind} to the key of its controller owner of kind {@code ownerKind}: the
     * owner reference with {@code controller: true}, in the object's namespace.
     */
    public static KeyMapper controllerOwner(ResourceKind<?> objectKind, String ownerKind) {
        return (changedKind, object) -> {
            if (changedKind != objectKind) {
                return List.of();
            }
            List<ObjectKey> keys = new ArrayList<>(1);
            for (OwnerReference reference : object.getMetadata().getOwnerReferences()) {
                if (Boolean.TRUE.equals(reference.getController()) && ownerKind.equals(reference.getKind())) {
                    keys.add(new ObjectKey(object.getMetadata().getNamespace(), reference.getName()));
                }
            }
            return keys;
        };
    }

    /** Maps a Secret to every Certificate in its namespace whose {@code spec.secretName} is the Secret's name. */
    public static KeyMapper certificatesReferencingSecret(Cluster cluster) {
        return (changedKind, object) -> {
            if (changedKind != ResourceKind.SECRET) {
                return List.of();
            }
            String namespace = object.getMetadata().getNamespace();
            String name = object.getMetadata().getName();
            List<ObjectKey> keys = new ArrayList<>();
            for (Certificate certificate : cluster.listIndexed(ClusterIndex.CERTIFICATES_BY_SECRET_NAME, namespace,
                    name)) {
                keys.add(ObjectKey.of(certificate));
            }
            return keys;
        };
    }

    /**
     * Maps an Issuer or ClusterIssuer to every CertificateRequest whose {@code spec.issuerRef} names it. An
     * empty reference kind means Issuer and an empty group means cert-manager.io; an Issuer only matches
     * requests in its own namespace.
     */
    public static KeyMapper requestsReferencingIssuer(Cluster cluster) {
        return (changedKind, object) -> {
            String referencedKind;
            String namespace;
            if (changedKind == ResourceKind.ISSUER) {
                referencedKind = Issuer.KIND;
                namespace = object.getMetadata().getNamespace();
            } else if (changedKind == ResourceKind.CLUSTER_ISSUER) {
                referencedKind = ClusterIssuer.KIND;
                namespace = null;
            } else {
                return List.of();
            }
            String name = object.getMetadata().getName();
            List<ObjectKey> keys = new ArrayList<>();
            for (CertificateRequest request : cluster.listMatching(ResourceKind.CERTIFICATE_REQUEST, namespace,
                    candidate -> referencesIssuer(candidate, referencedKind, name))) {
                keys.add(ObjectKey.of(request));
            }
            return keys;
        };
    }

    /**
     * Maps a Secret to the issuers that read it: Issuers in the Secret's namespace whose
     * {@code spec.ca.secretName} or {@code spec.acme.privateKeySecretRef.name} names it, and ClusterIssuers
     * doing so when the Secret is in {@link ControllerOptions#clusterResourceNamespace()}.
     */
    public static KeyMapper issuersReferencingSecret(Cluster cluster, ControllerOptions options) {
        return (changedKind, object) -> {
            if (changedKind != ResourceKind.SECRET) {
                return List.of();
            }
            String namespace = object.getMetadata().getNamespace();
            String name = object.getMetadata().getName();
            List<ObjectKey> keys = new ArrayList<>();
            for (Issuer issuer : cluster.listMatching(ResourceKind.ISSUER, namespace,
                    candidate -> readsSecret(candidate.getSpec(), name))) {
                keys.add(ObjectKey.of(issuer));
            }
            if (Objects.equals(namespace, options.clusterResourceNamespace())) {
                for (ClusterIssuer issuer : cluster.listMatching(ResourceKind.CLUSTER_ISSUER, null,
                        candidate -> readsSecret(candidate.getSpec(), name))) {
                    keys.add(ObjectKey.of(issuer));
                }
            }
            return keys;
        };
    }

    /** Combines mappers; the result contains each key once, in the order the mappers return them. */
    public static KeyMapper all(KeyMapper... mappers) {
        List<KeyMapper> copy = List.of(mappers);
        return (changedKind, object) -> {
            Set<ObjectKey> keys = new LinkedHashSet<>();
            for (KeyMapper mapper : copy) {
                keys.addAll(mapper.keysFor(changedKind, object));
            }
            return keys;
        };
    }

    private static boolean referencesIssuer(CertificateRequest request, String issuerKind, String issuerName) {
        IssuerReference reference = request.getSpec() == null ? null : request.getSpec().getIssuerRef();
        return reference != null && issuerName.equals(reference.getName())
                && issuerKind.equals(orDefault(reference.getKind(), Issuer.KIND))
                && CERT_MANAGER_GROUP.equals(orDefault(reference.getGroup(), CERT_MANAGER_GROUP));
    }

    /**
     * Returns whether the issuer's CA key pair Secret, ACME account key Secret, External Account Binding key
     * Secret or a DNS-01 solver Secret is {@code secretName}.
     */
    private static boolean readsSecret(IssuerSpec spec, String secretName) {
        if (spec == null) {
            return false;
        }
        CAIssuer ca = spec.getCa();
        if (ca != null && secretName.equals(ca.getSecretName())) {
            return true;
        }
        ACMEIssuer acme = spec.getAcme();
        if (acme == null) {
            return false;
        }
        if (acme.getPrivateKeySecretRef() != null && secretName.equals(acme.getPrivateKeySecretRef().getName())) {
            return true;
        }
        if (acme.getExternalAccountBinding() != null && acme.getExternalAccountBinding().getKeySecretRef() != null
                && secretName.equals(acme.getExternalAccountBinding().getKeySecretRef().getName())) {
            return true;
        }
        return AcmeSolverSecrets.of(acme).stream().anyMatch(reference -> reference.name().equals(secretName));
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
