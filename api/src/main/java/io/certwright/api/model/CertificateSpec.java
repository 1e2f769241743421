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
 * Desired state of a Certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"subject", "literalSubject", "commonName", "duration", "renewBefore", "renewBeforePercentage", "renewal", "dnsNames", "ipAddresses", "uris", "otherNames", "emailAddresses", "secretName", "secretTemplate", "keystores", "issuerRef", "isCA", "usages", "privateKey", "signatureAlgorithm", "encodeUsagesInRequest", "revisionHistoryLimit", "additionalOutputFormats", "nameConstraints"})
public class CertificateSpec {
    @JsonProperty("subject")
    private X509Subject subject;
    /** RFC 4514 subject used verbatim. */
    @JsonProperty("literalSubject")
    private String literalSubject;
    @JsonProperty("commonName")
    private String commonName;
    /** Requested lifetime as a Go duration; 2160h when unset. */
    @JsonProperty("duration")
    private String duration;
    /** Go duration. */
    @JsonProperty("renewBefore")
    private String renewBefore;
    @JsonProperty("renewBeforePercentage")
    private Integer renewBeforePercentage;
    @JsonProperty("renewal")
    private CertificateRenewal renewal;
    @JsonProperty("dnsNames")
    private List<String> dnsNames;
    @JsonProperty("ipAddresses")
    private List<String> ipAddresses;
    @JsonProperty("uris")
    private List<String> uris;
    @JsonProperty("otherNames")
    private List<OtherName> otherNames;
    @JsonProperty("emailAddresses")
    private List<String> emailAddresses;
    @JsonProperty("secretName")
    private String secretName;
    @JsonProperty("secretTemplate")
    private CertificateSecretTemplate secretTemplate;
    @JsonProperty("keystores")
    private CertificateKeystores keystores;
    @JsonProperty("issuerRef")
    private IssuerReference issuerRef;
    @JsonProperty("isCA")
    private Boolean isCA;
    @JsonProperty("usages")
    private List<String> usages;
    @JsonProperty("privateKey")
    private CertificatePrivateKey privateKey;
    @JsonProperty("signatureAlgorithm")
    private String signatureAlgorithm;
    /** Unset means true. */
    @JsonProperty("encodeUsagesInRequest")
    private Boolean encodeUsagesInRequest;
    /** Unset means 1. */
    @JsonProperty("revisionHistoryLimit")
    private Integer revisionHistoryLimit;
    @JsonProperty("additionalOutputFormats")
    private List<CertificateAdditionalOutputFormat> additionalOutputFormats;
    @JsonProperty("nameConstraints")
    private NameConstraints nameConstraints;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public X509Subject getSubject() {
        return subject;
    }

    public void setSubject(X509Subject subject) {
        this.subject = subject;
    }

    public CertificateSpec withSubject(X509Subject subject) {
        this.subject = subject;
        return this;
    }

    public String getLiteralSubject() {
        return literalSubject;
    }

    public void setLiteralSubject(String literalSubject) {
        this.literalSubject = literalSubject;
    }

    public CertificateSpec withLiteralSubject(String literalSubject) {
        this.literalSubject = literalSubject;
        return this;
    }

    public String getCommonName() {
        return commonName;
    }

    public void setCommonName(String commonName) {
        this.commonName = commonName;
    }

    public CertificateSpec withCommonName(String commonName) {
        this.commonName = commonName;
        return this;
    }

    public String getDuration() {
        return duration;
    }

    public void setDuration(String duration) {
        this.duration = duration;
    }

    public CertificateSpec withDuration(String duration) {
        this.duration = duration;
        return this;
    }

    public String getRenewBefore() {
        return renewBefore;
    }

    public void setRenewBefore(String renewBefore) {
        this.renewBefore = renewBefore;
    }

    public CertificateSpec withRenewBefore(String renewBefore) {
        this.renewBefore = renewBefore;
        return this;
    }

    public Integer getRenewBeforePercentage() {
        return renewBeforePercentage;
    }

    public void setRenewBeforePercentage(Integer renewBeforePercentage) {
        this.renewBeforePercentage = renewBeforePercentage;
    }

    public CertificateSpec withRenewBeforePercentage(Integer renewBeforePercentage) {
        this.renewBeforePercentage = renewBeforePercentage;
        return this;
    }

    public CertificateRenewal getRenewal() {
        return renewal;
    }

    public void setRenewal(CertificateRenewal renewal) {
        this.renewal = renewal;
    }

    public CertificateSpec withRenewal(CertificateRenewal renewal) {
        this.renewal = renewal;
        return this;
    }

    public List<String> getDnsNames() {
        return dnsNames;
    }

    public void setDnsNames(List<String> dnsNames) {
        this.dnsNames = dnsNames;
    }

    public CertificateSpec withDnsNames(List<String> dnsNames) {
        this.dnsNames = dnsNames;
        return this;
    }

    public List<String> getIpAddresses() {
        return ipAddresses;
    }

    public void setIpAddresses(List<String> ipAddresses) {
        this.ipAddresses = ipAddresses;
    }

    public CertificateSpec withIpAddresses(List<String> ipAddresses) {
        this.ipAddresses = ipAddresses;
        return this;
    }

    public List<String> getUris() {
        return uris;
    }

    public void setUris(List<String> uris) {
        this.uris = uris;
    }

    public CertificateSpec withUris(List<String> uris) {
        this.uris = uris;
        return this;
    }

    public List<OtherName> getOtherNames() {
        return otherNames;
    }

    public void setOtherNames(List<OtherName> otherNames) {
        this.otherNames = otherNames;
    }

    public CertificateSpec withOtherNames(List<OtherName> otherNames) {
        this.otherNames = otherNames;
        return this;
    }

    public List<String> getEmailAddresses() {
        return emailAddresses;
    }

    public void setEmailAddresses(List<String> emailAddresses) {
        this.emailAddresses = emailAddresses;
    }

    public CertificateSpec withEmailAddresses(List<String> emailAddresses) {
        this.emailAddresses = emailAddresses;
        return this;
    }

    public String getSecretName() {
        return secretName;
    }

    public void setSecretName(String secretName) {
        this.secretName = secretName;
    }

    public CertificateSpec withSecretName(String secretName) {
        this.secretName = secretName;
        return this;
    }

    public CertificateSecretTemplate getSecretTemplate() {
        return secretTemplate;
    }

    public void setSecretTemplate(CertificateSecretTemplate secretTemplate) {
        this.secretTemplate = secretTemplate;
    }

    public CertificateSpec withSecretTemplate(CertificateSecretTemplate secretTemplate) {
        this.secretTemplate = secretTemplate;
        return this;
    }

    public CertificateKeystores getKeystores() {
        return keystores;
    }

    public void setKeystores(CertificateKeystores keystores) {
        this.keystores = keystores;
    }

    public CertificateSpec withKeystores(CertificateKeystores keystores) {
        this.keystores = keystores;
        return this;
    }

    public IssuerReference getIssuerRef() {
        return issuerRef;
    }

    public void setIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
    }

    public CertificateSpec withIssuerRef(IssuerReference issuerRef) {
        this.issuerRef = issuerRef;
        return this;
    }

    public Boolean getIsCA() {
        return isCA;
    }

    public void setIsCA(Boolean isCA) {
        this.isCA = isCA;
    }

    public CertificateSpec withIsCA(Boolean isCA) {
        this.isCA = isCA;
        return this;
    }

    public List<String> getUsages() {
        return usages;
    }

    public void setUsages(List<String> usages) {
        this.usages = usages;
    }

    public CertificateSpec withUsages(List<String> usages) {
        this.usages = usages;
        return this;
    }

    public CertificatePrivateKey getPrivateKey() {
        return privateKey;
    }

    public void setPrivateKey(CertificatePrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    public CertificateSpec withPrivateKey(CertificatePrivateKey privateKey) {
        this.privateKey = privateKey;
        return this;
    }

    public String getSignatureAlgorithm() {
        return signatureAlgorithm;
    }

    public void setSignatureAlgorithm(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
    }

    public CertificateSpec withSignatureAlgorithm(String signatureAlgorithm) {
        this.signatureAlgorithm = signatureAlgorithm;
        return this;
    }

    public Boolean getEncodeUsagesInRequest() {
        return encodeUsagesInRequest;
    }

    public void setEncodeUsagesInRequest(Boolean encodeUsagesInRequest) {
        this.encodeUsagesInRequest = encodeUsagesInRequest;
    }

    public CertificateSpec withEncodeUsagesInRequest(Boolean encodeUsagesInRequest) {
        this.encodeUsagesInRequest = encodeUsagesInRequest;
        return this;
    }

    public Integer getRevisionHistoryLimit() {
        return revisionHistoryLimit;
    }

    public void setRevisionHistoryLimit(Integer revisionHistoryLimit) {
        this.revisionHistoryLimit = revisionHistoryLimit;
    }

    public CertificateSpec withRevisionHistoryLimit(Integer revisionHistoryLimit) {
        this.revisionHistoryLimit = revisionHistoryLimit;
        return this;
    }

    public List<CertificateAdditionalOutputFormat> getAdditionalOutputFormats() {
        return additionalOutputFormats;
    }

    public void setAdditionalOutputFormats(List<CertificateAdditionalOutputFormat> additionalOutputFormats) {
        this.additionalOutputFormats = additionalOutputFormats;
    }

    public CertificateSpec withAdditionalOutputFormats(List<CertificateAdditionalOutputFormat> additionalOutputFormats) {
        this.additionalOutputFormats = additionalOutputFormats;
        return this;
    }

    public NameConstraints getNameConstraints() {
        return nameConstraints;
    }

    public void setNameConstraints(NameConstraints nameConstraints) {
        this.nameConstraints = nameConstraints;
    }

    public CertificateSpec withNameConstraints(NameConstraints nameConstraints) {
        this.nameConstraints = nameConstraints;
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
        if (!(other instanceof CertificateSpec that)) {
            return false;
        }
        return Objects.equals(subject, that.subject) && Objects.equals(literalSubject, that.literalSubject) && Objects.equals(commonName, that.commonName) && Objects.equals(duration, that.duration) && Objects.equals(renewBefore, that.renewBefore) && Objects.equals(renewBeforePercentage, that.renewBeforePercentage) && Objects.equals(renewal, that.renewal) && Objects.equals(dnsNames, that.dnsNames) && Objects.equals(ipAddresses, that.ipAddresses) && Objects.equals(uris, that.uris) && Objects.equals(otherNames, that.otherNames) && Objects.equals(emailAddresses, that.emailAddresses) && Objects.equals(secretName, that.secretName) && Objects.equals(secretTemplate, that.secretTemplate) && Objects.equals(keystores, that.keystores) && Objects.equals(issuerRef, that.issuerRef) && Objects.equals(isCA, that.isCA) && Objects.equals(usages, that.usages) && Objects.equals(privateKey, that.privateKey) && Objects.equals(signatureAlgorithm, that.signatureAlgorithm) && Objects.equals(encodeUsagesInRequest, that.encodeUsagesInRequest) && Objects.equals(revisionHistoryLimit, that.revisionHistoryLimit) && Objects.equals(additionalOutputFormats, that.additionalOutputFormats) && Objects.equals(nameConstraints, that.nameConstraints) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, literalSubject, commonName, duration, renewBefore, renewBeforePercentage, renewal, dnsNames, ipAddresses, uris, otherNames, emailAddresses, secretName, secretTemplate, keystores, issuerRef, isCA, usages, privateKey, signatureAlgorithm, encodeUsagesInRequest, revisionHistoryLimit, additionalOutputFormats, nameConstraints, additionalProperties);
    }
}
