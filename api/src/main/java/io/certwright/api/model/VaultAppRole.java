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
 * Vault AppRole authentication.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"path", "roleId", "secretRef"})
public class VaultAppRole {
    @JsonProperty("path")
    private String path;
    @JsonProperty("roleId")
    private String roleId;
    @JsonProperty("secretRef")
    private SecretKeySelector secretRef;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public VaultAppRole withPath(String path) {
        this.path = path;
        return this;
    }

    public String getRoleId() {
        return roleId;
    }

    public void setRoleId(String roleId) {
        this.roleId = roleId;
    }

    public VaultAppRole withRoleId(String roleId) {
        this.roleId = roleId;
        return this;
    }

    public SecretKeySelector getSecretRef() {
        return secretRef;
    }

    public void setSecretRef(SecretKeySelector secretRef) {
        this.secretRef = secretRef;
    }

    public VaultAppRole withSecretRef(SecretKeySelector secretRef) {
        this.secretRef = secretRef;
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
        if (!(other instanceof VaultAppRole that)) {
            return false;
        }
        return Objects.equals(path, that.path) && Objects.equals(roleId, that.roleId) && Objects.equals(secretRef, that.secretRef) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, roleId, secretRef, additionalProperties);
    }
}
