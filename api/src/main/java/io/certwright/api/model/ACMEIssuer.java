package io.certwright.api.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Obtains certificates from an RFC 8555 ACME server.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"email", "server", "preferredChain", "caBundle", "skipTLSVerify", "externalAccountBinding", "privateKeySecretRef", "solvers", "disableAccountKeyGeneration", "enableDurationFeature", "profile", "renewalInformationSource"})
public class ACMEIssuer {
    @JsonProperty("email")
    private String email;
    @JsonProperty("server")
    private String server;
    @JsonProperty("preferredChain")
    private String preferredChain;
    @JsonProperty("caBundle")
    private byte[] caBundle;
    @JsonProperty("skipTLSVerify")
    private Boolean skipTLSVerify;
    @JsonProperty("externalAccountBinding")
    private ACMEExternalAccountBinding externalAccountBinding;
    @JsonProperty("privateKeySecretRef")
    private SecretKeySelector privateKeySecretRef;
    @JsonProperty("solvers")
    private List<ACMEChallengeSolver> solvers;
    @JsonProperty("disableAccountKeyGeneration")
    private Boolean disableAccountKeyGeneration;
    @JsonProperty("enableDurationFeature")
    private Boolean enableDurationFeature;
    @JsonProperty("profile")
    private String profile;
    @JsonProperty("renewalInformationSource")
    private String renewalInformationSource;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public ACMEIssuer withEmail(String email) {
        this.email = email;
        return this;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public ACMEIssuer withServer(String server) {
        this.server = server;
        return this;
    }

    public String getPreferredChain() {
        return preferredChain;
    }

    public void setPreferredChain(String preferredChain) {
        this.preferredChain = preferredChain;
    }

    public ACMEIssuer withPreferredChain(String preferredChain) {
        this.preferredChain = preferredChain;
        return this;
    }

    public byte[] getCaBundle() {
        return caBundle;
    }

    public void setCaBundle(byte[] caBundle) {
        this.caBundle = caBundle;
    }

    public ACMEIssuer withCaBundle(byte[] caBundle) {
        this.caBundle = caBundle;
        return this;
    }

    public Boolean getSkipTLSVerify() {
        return skipTLSVerify;
    }

    public void setSkipTLSVerify(Boolean skipTLSVerify) {
        this.skipTLSVerify = skipTLSVerify;
    }

    public ACMEIssuer withSkipTLSVerify(Boolean skipTLSVerify) {
        this.skipTLSVerify = skipTLSVerify;
        return this;
    }

    public ACMEExternalAccountBinding getExternalAccountBinding() {
        return externalAccountBinding;
    }

    public void setExternalAccountBinding(ACMEExternalAccountBinding externalAccountBinding) {
        this.externalAccountBinding = externalAccountBinding;
    }

    public ACMEIssuer withExternalAccountBinding(ACMEExternalAccountBinding externalAccountBinding) {
        this.externalAccountBinding = externalAccountBinding;
        return this;
    }

    public SecretKeySelector getPrivateKeySecretRef() {
        return privateKeySecretRef;
    }

    public void setPrivateKeySecretRef(SecretKeySelector privateKeySecretRef) {
        this.privateKeySecretRef = privateKeySecretRef;
    }

    public ACMEIssuer withPrivateKeySecretRef(SecretKeySelector privateKeySecretRef) {
        this.privateKeySecretRef = privateKeySecretRef;
        return this;
    }

    public List<ACMEChallengeSolver> getSolvers() {
        return solvers;
    }

    public void setSolvers(List<ACMEChallengeSolver> solvers) {
        this.solvers = solvers;
    }

    public ACMEIssuer withSolvers(List<ACMEChallengeSolver> solvers) {
        this.solvers = solvers;
        return this;
    }

    public Boolean getDisableAccountKeyGeneration() {
        return disableAccountKeyGeneration;
    }

    public void setDisableAccountKeyGeneration(Boolean disableAccountKeyGeneration) {
        this.disableAccountKeyGeneration = disableAccountKeyGeneration;
    }

    public ACMEIssuer withDisableAccountKeyGeneration(Boolean disableAccountKeyGeneration) {
        this.disableAccountKeyGeneration = disableAccountKeyGeneration;
        return this;
    }

    public Boolean getEnableDurationFeature() {
        return enableDurationFeature;
    }

    public void setEnableDurationFeature(Boolean enableDurationFeature) {
        this.enableDurationFeature = enableDurationFeature;
    }

    public ACMEIssuer withEnableDurationFeature(Boolean enableDurationFeature) {
        this.enableDurationFeature = enableDurationFeature;
        return this;
    }

    public String getProfile() {
        return profile;
    }

    public void setProfile(String profile) {
        this.profile = profile;
    }

    public ACMEIssuer withProfile(String profile) {
        this.profile = profile;
        return this;
    }

    public String getRenewalInformationSource() {
        return renewalInformationSource;
    }

    public void setRenewalInformationSource(String renewalInformationSource) {
        this.renewalInformationSource = renewalInformationSource;
    }

    public ACMEIssuer withRenewalInformationSource(String renewalInformationSource) {
        this.renewalInformationSource = renewalInformationSource;
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
        if (!(other instanceof ACMEIssuer that)) {
            return false;
        }
        return Objects.equals(email, that.email) && Objects.equals(server, that.server) && Objects.equals(preferredChain, that.preferredChain) && java.util.Arrays.equals(caBundle, that.caBundle) && Objects.equals(skipTLSVerify, that.skipTLSVerify) && Objects.equals(externalAccountBinding, that.externalAccountBinding) && Objects.equals(privateKeySecretRef, that.privateKeySecretRef) && Objects.equals(solvers, that.solvers) && Objects.equals(disableAccountKeyGeneration, that.disableAccountKeyGeneration) && Objects.equals(enableDurationFeature, that.enableDurationFeature) && Objects.equals(profile, that.profile) && Objects.equals(renewalInformationSource, that.renewalInformationSource) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(email, server, preferredChain, java.util.Arrays.hashCode(caBundle), skipTLSVerify, externalAccountBinding, privateKeySecretRef, solvers, disableAccountKeyGeneration, enableDurationFeature, profile, renewalInformationSource, additionalProperties);
    }
}
