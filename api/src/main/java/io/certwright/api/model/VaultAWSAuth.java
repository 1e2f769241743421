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
 * Vault AWS IAM authentication.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"mountPath", "role", "region", "serviceAccountRef", "iamRoleArn", "vaultHeaderValue"})
public class VaultAWSAuth {
    @JsonProperty("mountPath")
    private String mountPath;
    @JsonProperty("role")
    private String role;
    @JsonProperty("region")
    private String region;
    @JsonProperty("serviceAccountRef")
    private ServiceAccountRef serviceAccountRef;
    @JsonProperty("iamRoleArn")
    private String iamRoleArn;
    @JsonProperty("vaultHeaderValue")
    private String vaultHeaderValue;

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

    public VaultAWSAuth withMountPath(String mountPath) {
        this.mountPath = mountPath;
        return this;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public VaultAWSAuth withRole(String role) {
        this.role = role;
        return this;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public VaultAWSAuth withRegion(String region) {
        this.region = region;
        return this;
    }

    public ServiceAccountRef getServiceAccountRef() {
        return serviceAccountRef;
    }

    public void setServiceAccountRef(ServiceAccountRef serviceAccountRef) {
        this.serviceAccountRef = serviceAccountRef;
    }

    public VaultAWSAuth withServiceAccountRef(ServiceAccountRef serviceAccountRef) {
        this.serviceAccountRef = serviceAccountRef;
        return this;
    }

    public String getIamRoleArn() {
        return iamRoleArn;
    }

    public void setIamRoleArn(String iamRoleArn) {
        this.iamRoleArn = iamRoleArn;
    }

    public VaultAWSAuth withIamRoleArn(String iamRoleArn) {
        this.iamRoleArn = iamRoleArn;
        return this;
    }

    public String getVaultHeaderValue() {
        return vaultHeaderValue;
    }

    public void setVaultHeaderValue(String vaultHeaderValue) {
        this.vaultHeaderValue = vaultHeaderValue;
    }

    public VaultAWSAuth withVaultHeaderValue(String vaultHeaderValue) {
        this.vaultHeaderValue = vaultHeaderValue;
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
        if (!(other instanceof VaultAWSAuth that)) {
            return false;
        }
        return Objects.equals(mountPath, that.mountPath) && Objects.equals(role, that.role) && Objects.equals(region, that.region) && Objects.equals(serviceAccountRef, that.serviceAccountRef) && Objects.equals(iamRoleArn, that.iamRoleArn) && Objects.equals(vaultHeaderValue, that.vaultHeaderValue) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mountPath, role, region, serviceAccountRef, iamRoleArn, vaultHeaderValue, additionalProperties);
    }
}
