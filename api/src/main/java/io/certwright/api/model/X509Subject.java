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
 * Subject attributes other than the common name.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"organizations", "countries", "organizationalUnits", "localities", "provinces", "streetAddresses", "postalCodes", "serialNumber"})
public class X509Subject {
    @JsonProperty("organizations")
    private List<String> organizations;
    @JsonProperty("countries")
    private List<String> countries;
    @JsonProperty("organizationalUnits")
    private List<String> organizationalUnits;
    @JsonProperty("localities")
    private List<String> localities;
    @JsonProperty("provinces")
    private List<String> provinces;
    @JsonProperty("streetAddresses")
    private List<String> streetAddresses;
    @JsonProperty("postalCodes")
    private List<String> postalCodes;
    @JsonProperty("serialNumber")
    private String serialNumber;

    /**
     * Fields this model does not name, kept so that a manifest read and written back loses nothing.
     * Empty and shared until the first one is set.
     */
    private Map<String, Object> additionalProperties = Map.of();

    public List<String> getOrganizations() {
        return organizations;
    }

    public void setOrganizations(List<String> organizations) {
        this.organizations = organizations;
    }

    public X509Subject withOrganizations(List<String> organizations) {
        this.organizations = organizations;
        return this;
    }

    public List<String> getCountries() {
        return countries;
    }

    public void setCountries(List<String> countries) {
        this.countries = countries;
    }

    public X509Subject withCountries(List<String> countries) {
        this.countries = countries;
        return this;
    }

    public List<String> getOrganizationalUnits() {
        return organizationalUnits;
    }

    public void setOrganizationalUnits(List<String> organizationalUnits) {
        this.organizationalUnits = organizationalUnits;
    }

    public X509Subject withOrganizationalUnits(List<String> organizationalUnits) {
        this.organizationalUnits = organizationalUnits;
        return this;
    }

    public List<String> getLocalities() {
        return localities;
    }

    public void setLocalities(List<String> localities) {
        this.localities = localities;
    }

    public X509Subject withLocalities(List<String> localities) {
        this.localities = localities;
        return this;
    }

    public List<String> getProvinces() {
        return provinces;
    }

    public void setProvinces(List<String> provinces) {
        this.provinces = provinces;
    }

    public X509Subject withProvinces(List<String> provinces) {
        this.provinces = provinces;
        return this;
    }

    public List<String> getStreetAddresses() {
        return streetAddresses;
    }

    public void setStreetAddresses(List<String> streetAddresses) {
        this.streetAddresses = streetAddresses;
    }

    public X509Subject withStreetAddresses(List<String> streetAddresses) {
        this.streetAddresses = streetAddresses;
        return this;
    }

    public List<String> getPostalCodes() {
        return postalCodes;
    }

    public void setPostalCodes(List<String> postalCodes) {
        this.postalCodes = postalCodes;
    }

    public X509Subject withPostalCodes(List<String> postalCodes) {
        this.postalCodes = postalCodes;
        return this;
    }

    public String getSerialNumber() {
        return serialNumber;
    }

    public void setSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
    }

    public X509Subject withSerialNumber(String serialNumber) {
        this.serialNumber = serialNumber;
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
        if (!(other instanceof X509Subject that)) {
            return false;
        }
        return Objects.equals(organizations, that.organizations) && Objects.equals(countries, that.countries) && Objects.equals(organizationalUnits, that.organizationalUnits) && Objects.equals(localities, that.localities) && Objects.equals(provinces, that.provinces) && Objects.equals(streetAddresses, that.streetAddresses) && Objects.equals(postalCodes, that.postalCodes) && Objects.equals(serialNumber, that.serialNumber) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(organizations, countries, organizationalUnits, localities, provinces, streetAddresses, postalCodes, serialNumber, additionalProperties);
    }
}
