package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Vault Kubernetes authentication.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mountPath", "role", "secretRef", "serviceAccountRef"})
public class VaultKubernetesAuth {
    @JsonProperty("mountPath")
    private String mountPath;
    @JsonProperty("role")
    private String role;
    @JsonProperty("secretRef")
    private SecretKeySelector secretRef;
    @JsonProperty("serviceAccountRef")
    private ServiceAccountRef serviceAccountRef;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getMountPath() {
        return mountPath;
    }

    public void setMountPath(String mountPath) {
        this.mountPath = mountPath;
    }

    public VaultKubernetesAuth withMountPath(String mountPath) {
        this.mountPath = mountPath;
        return this;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public VaultKubernetesAuth withRole(String role) {
        this.role = role;
        return this;
    }

    public SecretKeySelector getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeySelector secretRef) {
        this.secretRef = secretRef;
    }

    public VaultKubernetesAuth withSecretRef(SecretKeySelector secretRef) {
        this.secretRef = secretRef;
        return this;
    }

    public ServiceAccountRef getServiceAccountRef() {
        return serviceAccountRef;
    }

    public void setServiceAccountRef(ServiceAccountRef serviceAccountRef) {
        this.serviceAccountRef = serviceAccountRef;
    }

    public VaultKubernetesAuth withServiceAccountRef(ServiceAccountRef serviceAccountRef) {
        this.serviceAccountRef = serviceAccountRef;
        return this;
    }

    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        if (additionalProperties.isEmpty()) {
            additionalProperties = new LinkedHashMap<>();
        }
        additionalProperties.put(name, value);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof VaultKubernetesAuth that)) {
            return false;
        }
        return Objects.equals(mountPath, that.mountPath) && Objects.equals(role, that.role) && Objects.equals(secretRef, that.secretRef) && Objects.equals(serviceAccountRef, that.serviceAccountRef) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mountPath, role, secretRef, serviceAccountRef, additionalProperties);
    }
}
