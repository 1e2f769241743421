package io.certwright.pki;

import java.util.ArrayList;
import java.util.List;

/**
 * The contents of a certificate signing request, as derived from a Certificate spec.
 *
 * <p>Instances are immutable; lists are copied and never null. Build one with {@link #builder()},
 * or copy one with {@link #toBuilder()}.
 */
public final class CsrSpec {
    private final String commonName;
    private final String literalSubject;
    private final List<String> organizations;
    private final List<String> countries;
    private final List<String> organizationalUnits;
    private final List<String> localities;
    private final List<String> provinces;
    private final List<String> streetAddresses;
    private final List<String> postalCodes;
    private final String serialNumber;
    private final List<String> dnsNames;
    private final List<String> ipAddresses;
    private final List<String> uris;
    private final List<String> emailAddresses;
    private final List<OtherName> otherNames;
    private final List<String> usages;
    private final boolean isCA;
    private final boolean encodeUsagesInRequest;
    private final NameConstraints nameConstraints;
    private final String signatureAlgorithm;

    private CsrSpec(Builder builder) {
        this.commonName = builder.commonName;
        this.literalSubject = builder.literalSubject;
        this.organizations = List.copyOf(builder.organizations);
        this.countries = List.copyOf(builder.countries);
        this.organizationalUnits = List.copyOf(builder.organizationalUnits);
        this.localities = List.copyOf(builder.localities);
        this.provinces = List.copyOf(builder.provinces);
        this.streetAddresses = List.copyOf(builder.streetAddresses);
        this.postalCodes = List.copyOf(builder.postalCodes);
        this.serialNumber = builder.serialNumber;
        this.dnsNames = List.copyOf(builder.dnsNames);
        this.ipAddresses = List.copyOf(builder.ipAddresses);
        this.uris = List.copyOf(builder.uris);
        this.emailAddresses = List.copyOf(builder.emailAddresses);
        this.otherNames = List.copyOf(builder.otherNames);
        this.usages = List.copyOf(builder.usages);
        this.isCA = builder.isCA;
        this.encodeUsagesInRequest = builder.encodeUsagesInRequest;
        this.nameConstraints = builder.nameConstraints;
        this.signatureAlgorithm = builder.signatureAlgorithm;
    }

    /** Returns a builder with every field empty and {@code encodeUsagesInRequest} true. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from this spec's values. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.commonName(commonName);
        builder.literalSubject(literalSubject);
        builder.organizations(organizations);
        builder.countries(countries);
        builder.organizationalUnits(organizationalUnits);
        builder.localities(localities);
        builder.provinces(provinces);
        builder.streetAddresses(streetAddresses);
        builder.postalCodes(postalCodes);
        builder.serialNumber(serialNumber);
        builder.dnsNames(dnsNames);
        builder.ipAddresses(ipAddresses);
        builder.uris(uris);
        builder.emailAddresses(emailAddresses);
        builder.otherNames(otherNames);
        builder.usages(usages);
        builder.isCA(isCA);
        builder.encodeUsagesInRequest(encodeUsagesInRequest);
        builder.nameConstraints(nameConstraints);
        builder.signatureAlgorithm(signatureAlgorithm);
        return builder;
    }

    /** The subject common name, or null for none. */
    public String commonName() {
        return commonName;
    }

    /** An RFC 4514 subject used verbatim instead of the other subject fields, or null. */
    public String literalSubject() {
        return literalSubject;
    }

    public List<String> organizations() {
        return organizations;
    }

    public List<String> countries() {
        return countries;
    }

    public List<String> organizationalUnits() {
        return organizationalUnits;
    }

    public List<String> localities() {
        return localities;
    }

    public List<String> provinces() {
        return provinces;
    }

    public List<String> streetAddresses() {
        return streetAddresses;
    }

    public List<String> postalCodes() {
        return postalCodes;
    }

    /** The subject serialNumber attribute, or null for none. */
    public String serialNumber() {
        return serialNumber;
    }

    public List<String> dnsNames() {
        return dnsNames;
    }

    /** IP address literals; host names are rejected, never resolved. */
    public List<String> ipAddresses() {
        return ipAddresses;
    }

    public List<String> uris() {
        return uris;
    }

    public List<String> emailAddresses() {
        return emailAddresses;
    }

    public List<OtherName> otherNames() {
        return otherNames;
    }

    /** cert-manager usage names; empty means {@link Usages#DEFAULT}. */
    public List<String> usages() {
        return usages;
    }

    /** Whether the requested certificate is a CA; adds {@code cert sign} to the encoded usages. */
    public boolean isCA() {
        return isCA;
    }

    /** Whether the KeyUsage and ExtendedKeyUsage extensions are put into the CSR; true by default. */
    public boolean encodeUsagesInRequest() {
        return encodeUsagesInRequest;
    }

    /** The NameConstraints extension, or null for none. */
    public NameConstraints nameConstraints() {
        return nameConstraints;
    }

    /** A cert-manager signature algorithm name such as {@code SHA384WithRSA}, or null for the key's default. */
    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** Builder for {@link CsrSpec}. A null list argument clears the list. */
    public static final class Builder {
        private String commonName;
        private String literalSubject;
        private List<String> organizations = new ArrayList<>();
        private List<String> countries = new ArrayList<>();
        private List<String> organizationalUnits = new ArrayList<>();
        private List<String> localities = new ArrayList<>();
        private List<String> provinces = new ArrayList<>();
        private List<String> streetAddresses = new ArrayList<>();
        private List<String> postalCodes = new ArrayList<>();
        private String serialNumber;
        private List<String> dnsNames = new ArrayList<>();
        private List<String> ipAddresses = new ArrayList<>();
        private List<String> uris = new ArrayList<>();
        private List<String> emailAddresses = new ArrayList<>();
        private List<OtherName> otherNames = new ArrayList<>();
        private List<String> usages = new ArrayList<>();
        private boolean isCA;
        private boolean encodeUsagesInRequest = true;
        private NameConstraints nameConstraints;
        private String signatureAlgorithm;

        private Builder() {}

        public Builder commonName(String commonName) {
            this.commonName = commonName;
            return this;
        }

        public Builder literalSubject(String literalSubject) {
            this.literalSubject = literalSubject;
            return this;
        }

        public Builder organizations(List<String> organizations) {
            this.organizations = organizations == null ? new ArrayList<>() : new ArrayList<>(organizations);
            return this;
        }

        public Builder organizations(String... organizations) {
            return organizations(List.of(organizations));
        }

        public Builder countries(List<String> countries) {
            this.countries = countries == null ? new ArrayList<>() : new ArrayList<>(countries);
            return this;
        }

        public Builder countries(String... countries) {
            return countries(List.of(countries));
        }

        public Builder organizationalUnits(List<String> organizationalUnits) {
            this.organizationalUnits = organizationalUnits == null ? new ArrayList<>() : new ArrayList<>(organizationalUnits);
            return this;
        }

        public Builder organizationalUnits(String... organizationalUnits) {
            return organizationalUnits(List.of(organizationalUnits));
        }

        public Builder localities(List<String> localities) {
            this.localities = localities == null ? new ArrayList<>() : new ArrayList<>(localities);
            return this;
        }

        public Builder localities(String... localities) {
            return localities(List.of(localities));
        }

        public Builder provinces(List<String> provinces) {
            this.provinces = provinces == null ? new ArrayList<>() : new ArrayList<>(provinces);
            return this;
        }

        public Builder provinces(String... provinces) {
            return provinces(List.of(provinces));
        }

        public Builder streetAddresses(List<String> streetAddresses) {
            this.streetAddresses = streetAddresses == null ? new ArrayList<>() : new ArrayList<>(streetAddresses);
            return this;
        }

        public Builder streetAddresses(String... streetAddresses) {
            return streetAddresses(List.of(streetAddresses));
        }

        public Builder postalCodes(List<String> postalCodes) {
            this.postalCodes = postalCodes == null ? new ArrayList<>() : new ArrayList<>(postalCodes);
            return this;
        }

        public Builder postalCodes(String... postalCodes) {
            return postalCodes(List.of(postalCodes));
        }

        public Builder serialNumber(String serialNumber) {
            this.serialNumber = serialNumber;
            return this;
        }

        public Builder dnsNames(List<String> dnsNames) {
            this.dnsNames = dnsNames == null ? new ArrayList<>() : new ArrayList<>(dnsNames);
            return this;
        }

        public Builder dnsNames(String... dnsNames) {
            return dnsNames(List.of(dnsNames));
        }

        public Builder ipAddresses(List<String> ipAddresses) {
            this.ipAddresses = ipAddresses == null ? new ArrayList<>() : new ArrayList<>(ipAddresses);
            return this;
        }

        public Builder ipAddresses(String... ipAddresses) {
            return ipAddresses(List.of(ipAddresses));
        }

        public Builder uris(List<String> uris) {
            this.uris = uris == null ? new ArrayList<>() : new ArrayList<>(uris);
            return this;
        }

        public Builder uris(String... uris) {
            return uris(List.of(uris));
        }

        public Builder emailAddresses(List<String> emailAddresses) {
            this.emailAddresses = emailAddresses == null ? new ArrayList<>() : new ArrayList<>(emailAddresses);
            return this;
        }

        public Builder emailAddresses(String... emailAddresses) {
            return emailAddresses(List.of(emailAddresses));
        }

        public Builder otherNames(List<OtherName> otherNames) {
            this.otherNames = otherNames == null ? new ArrayList<>() : new ArrayList<>(otherNames);
            return this;
        }

        public Builder otherNames(OtherName... otherNames) {
            return otherNames(List.of(otherNames));
        }

        public Builder usages(List<String> usages) {
            this.usages = usages == null ? new ArrayList<>() : new ArrayList<>(usages);
            return this;
        }

        public Builder usages(String... usages) {
            return usages(List.of(usages));
        }

        public Builder isCA(boolean isCA) {
            this.isCA = isCA;
            return this;
        }

        public Builder encodeUsagesInRequest(boolean encodeUsagesInRequest) {
            this.encodeUsagesInRequest = encodeUsagesInRequest;
            return this;
        }

        public Builder nameConstraints(NameConstraints nameConstraints) {
            this.nameConstraints = nameConstraints;
            return this;
        }

        public Builder signatureAlgorithm(String signatureAlgorithm) {
            this.signatureAlgorithm = signatureAlgorithm;
            return this;
        }

        public CsrSpec build() {
            return new CsrSpec(this);
        }
    }
}
