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
 * Signs through a HashiCorp Vault PKI endpoint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"server", "path", "serverName", "namespace", "caBundle", "caBundleSecretRef", "clientCertSecretRef", "clientKeySecretRef", "auth"})
public class VaultIssuer {
    @JsonProperty("server")
    private String server;
    @JsonProperty("path")
    private String path;
    @JsonProperty("serverName")
    private String serverName;
    @JsonProperty("namespace")
    private String namespace;
    @JsonProperty("caBundle")
    private byte[] caBundle;
    @JsonProperty("caBundleSecretRef")
    private SecretKeySelector caBundleSecretRef;
    @JsonProperty("clientCertSecretRef")
    private SecretKeySelector clientCertSecretRef;
    @JsonProperty("clientKeySecretRef")
    private SecretKeySelector clientKeySecretRef;
    @JsonProperty("auth")
    private VaultAuth auth;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public VaultIssuer withServer(String server) {
        this.server = server;
        return this;
    }

    public String getPath() {
        return path;
    }

    public void setPath(String path) {
        this.path = path;
    }

    public VaultIssuer withPath(String path) {
        this.path = path;
        return this;
    }

    public String getServerName() {
        return serverName;
    }

    public void setServerName(String serverName) {
        this.serverName = serverName;
    }

    public VaultIssuer withServerName(String serverName) {
        this.serverName = serverName;
        return this;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    public VaultIssuer withNamespace(String namespace) {
        this.namespace = namespace;
        return this;
    }

    public byte[] getCaBundle() {
        return caBundle;
    }

    public void setCaBundle(byte[] caBundle) {
        this.caBundle = caBundle;
    }

    public VaultIssuer withCaBundle(byte[] caBundle) {
        this.caBundle = caBundle;
        return this;
    }

    public SecretKeySelector getCaBundleSecretRef() {
        return caBundleSecretRef;
    }

    public void setCaBundleSecretRef(SecretKeySelector caBundleSecretRef) {
        this.caBundleSecretRef = caBundleSecretRef;
    }

    public VaultIssuer withCaBundleSecretRef(SecretKeySelector caBundleSecretRef) {
        this.caBundleSecretRef = caBundleSecretRef;
        return this;
    }

    public SecretKeySelector getClientCertSecretRef() {
        return clientCertSecretRef;
    }

    public void setClientCertSecretRef(SecretKeySelector clientCertSecretRef) {
        this.clientCertSecretRef = clientCertSecretRef;
    }

    public VaultIssuer withClientCertSecretRef(SecretKeySelector clientCertSecretRef) {
        this.clientCertSecretRef = clientCertSecretRef;
        return this;
    }

    public SecretKeySelector getClientKeySecretRef() {
        return clientKeySecretRef;
    }

    public void setClientKeySecretRef(SecretKeySelector clientKeySecretRef) {
        this.clientKeySecretRef = clientKeySecretRef;
    }

    public VaultIssuer withClientKeySecretRef(SecretKeySelector clientKeySecretRef) {
        this.clientKeySecretRef = clientKeySecretRef;
        return this;
    }

    public VaultAuth getAuth() {
        return auth;
    }

    public void setAuth(VaultAuth auth) {
        this.auth = auth;
    }

    public VaultIssuer withAuth(VaultAuth auth) {
        this.auth = auth;
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
        if (!(other instanceof VaultIssuer that)) {
            return false;
        }
        return Objects.equals(server, that.server) && Objects.equals(path, that.path) && Objects.equals(serverName, that.serverName) && Objects.equals(namespace, that.namespace) && java.util.Arrays.equals(caBundle, that.caBundle) && Objects.equals(caBundleSecretRef, that.caBundleSecretRef) && Objects.equals(clientCertSecretRef, that.clientCertSecretRef) && Objects.equals(clientKeySecretRef, that.clientKeySecretRef) && Objects.equals(auth, that.auth) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(server, path, serverName, namespace, java.util.Arrays.hashCode(caBundle), caBundleSecretRef, clientCertSecretRef, clientKeySecretRef, auth, additionalProperties);
    }
}
