package io.certwright.acme.dns01;

import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link SecretReader} over the {@link Cluster} port, for one namespace. */
final class ClusterSecretReader implements SecretReader {
    private final Cluster cluster;
    private final String namespace;

    ClusterSecretReader(Cluster cluster, String namespace) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
    }

    @Override
    public byte[] read(String name, String key, String field) throws Dns01Exception {
        Optional<Secret> secret = cluster.get(ResourceKind.SECRET, namespace, name);
        if (secret.isEmpty()) {
            throw new Dns01Exception("Secret \"" + namespace + "/" + name + "\" referenced by " + field
                    + " not found; create it in namespace " + namespace);
        }
        Map<String, String> data = secret.get().getData();
        if (data != null && data.get(key) != null) {
            try {
                return Base64.getMimeDecoder().decode(data.get(key));
            } catch (IllegalArgumentException e) {
                throw new Dns01Exception("Secret \"" + namespace + "/" + name + "\" key \"" + key + "\" is not valid"
                        + " base64 under data; put the plain value under stringData instead", e);
            }
        }
        Map<String, String> stringData = secret.get().getStringData();
        if (stringData != null && stringData.get(key) != null) {
            return stringData.get(key).getBytes(StandardCharsets.UTF_8);
        }
        throw new Dns01Exception("Secret \"" + namespace + "/" + name + "\" has no key \"" + key + "\", which " + field
                + " refers to; add the key or correct " + field + ".key");
    }
}
