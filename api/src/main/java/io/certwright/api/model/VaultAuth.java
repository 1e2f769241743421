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
 * Vault authentication methods; exactly one should be set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"tokenSecretRef", "appRole", "clientCertificate", "kubernetes", "aws"})
public class VaultAuth {
    @JsonProperty("tokenSecretRef")
    private SecretKeySelector tokenSecretRef;
    @JsonProperty("appRole")
    private VaultAppRole appRole;
    @JsonProperty("clientCertificate")
    private VaultClientCertificateAuth clientCertificate;
    @JsonProperty("kubernetes")
    private VaultKubernetesAuth kubernetes;
    @JsonProperty("aws")
    private VaultAWSAuth aws;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public SecretKeySelector getTokenSecretRef() {
        return tokenSecretRef;
    }

    public void setTokenSecretRef(SecretKeySelector tokenSecretRef) {
        this.tokenSecretRef = tokenSecretRef;
    }

    public VaultAuth withTokenSecretRef(SecretKeySelector tokenSecretRef) {
        this.tokenSecretRef = tokenSecretRef;
        return this;
    }

    public VaultAppRole getAppRole() {
        return appRole;
    }

    public void setAppRole(VaultAppRole appRole) {
        this.appRole = appRole;
    }

    public VaultAuth withAppRole(VaultAppRole appRole) {
        this.appRole = appRole;
        return this;
    }

    public VaultClientCertificateAuth getClientCertificate() {
        return clientCertificate;
    }

    public void setClientCertificate(VaultClientCertificateAuth clientCertificate) {
        this.clientCertificate = clientCertificate;
    }

    public VaultAuth withClientCertificate(VaultClientCertificateAuth clientCertificate) {
        this.clientCertificate = clientCertificate;
        return this;
    }

    public VaultKubernetesAuth getKubernetes() {
        return kubernetes;
    }

    public void setKubernetes(VaultKubernetesAuth kubernetes) {
        this.kubernetes = kubernetes;
    }

    public VaultAuth withKubernetes(VaultKubernetesAuth kubernetes) {
        this.kubernetes = kubernetes;
        return this;
    }

    public VaultAWSAuth getAws() {
        return aws;
    }

    public void setAws(VaultAWSAuth aws) {
        this.aws = aws;
    }

    public VaultAuth withAws(VaultAWSAuth aws) {
        this.aws = aws;
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
        if (!(other instanceof VaultAuth that)) {
            return false;
        }
        return Objects.equals(tokenSecretRef, that.tokenSecretRef) && Objects.equals(appRole, that.appRole) && Objects.equals(clientCertificate, that.clientCertificate) && Objects.equals(kubernetes, that.kubernetes) && Objects.equals(aws, that.aws) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokenSecretRef, appRole, clientCertificate, kubernetes, aws, additionalProperties);
    }
}
