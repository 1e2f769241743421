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
 * Request for {@code keystore.jks} and {@code truststore.jks} in the issued Secret.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"create", "alias", "passwordSecretRef", "password"})
public class JKSKeystore {
    @JsonProperty("create")
    private Boolean create;
    /** Alias of the private key entry; {@code certificate} when unset. */
    @JsonProperty("alias")
    private String alias;
    @JsonProperty("passwordSecretRef")
    private SecretKeySelector passwordSecretRef;
    /** Literal password; exclusive with passwordSecretRef. */
    @JsonProperty("password")
    private String password;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public Boolean getCreate() {
        return create;
    }

    public void setCreate(Boolean create) {
        this.create = create;
    }

    public JKSKeystore withCreate(Boolean create) {
        this.create = create;
        return this;
    }

    public String getAlias() {
        return alias;
    }

    public void setAlias(String alias) {
        this.alias = alias;
    }

    public JKSKeystore withAlias(String alias) {
        this.alias = alias;
        return this;
    }

    public SecretKeySelector getPasswordSecretRef() {
        return passwordSecretRef;
    }

    public void setPasswordSecretRef(SecretKeySelector passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
    }

    public JKSKeystore withPasswordSecretRef(SecretKeySelector passwordSecretRef) {
        this.passwordSecretRef = passwordSecretRef;
        return this;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public JKSKeystore withPassword(String password) {
        this.password = password;
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
        if (!(other instanceof JKSKeystore that)) {
            return false;
        }
        return Objects.equals(create, that.create) && Objects.equals(alias, that.alias) && Objects.equals(passwordSecretRef, that.passwordSecretRef) && Objects.equals(password, that.password) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(create, alias, passwordSecretRef, password, additionalProperties);
    }
}
