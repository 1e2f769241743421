package io.certwright.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.RuntimeOperatorException;

/**
 * Signs certificates from verified CSRs, as the CA and SelfSigned issuers do.
 *
 * <p>The certificate gets the CSR's subject (byte for byte) and subjectAltName and NameConstraints
 * extensions, a critical BasicConstraints without a path length, a critical KeyUsage and an
 * ExtendedKeyUsage from {@link SigningOptions#effectiveUsages()}, a SubjectKeyIdentifier, an
 * AuthorityKeyIdentifier, and any CRL distribution points and AIA URLs from the options. The
 * signature algorithm follows the signer key (see {@link SignatureAlgorithms}).
 */
public final class CertificateSigner {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SERIAL_NUMBER_BITS = 128;

    private CertificateSigner() {}

    /**
     * Signs a certificate for {@code csr}.
     *
     * @param issuerCertificate the CA certificate that {@code signerKey} belongs to, or null to self-sign
     *     with {@code signerKey}, which must then be the CSR's own key
     * @throws PkiException if the usages embedded in the CSR differ from the requested usages, the
     *     signer key does not match the issuer certificate (or, when self-signing, the CSR key), the CSR
     *     asks a CA to sign its own public key, or signing fails
     */
    public static X509Certificate sign(ParsedCsr csr, SigningOptions options, X509Certificate issuerCertificate,
                                       PrivateKey signerKey) throws PkiException {
        PublicKey signerPublicKey = PrivateKeys.publicKeyOf(signerKey);
        checkKeys(csr, issuerCertificate, signerPublicKey);
        Usages.Encoded usages = Usages.encode(options.effectiveUsages());
        checkCsrUsages(csr, usages, options.effectiveUsages());

        X500Name subject = csr.subject();
        X500Name issuer = issuerCertificate == null
                ? subject
                : X500Name.getInstance(issuerCertificate.getSubjectX500Principal().getEncoded());
        BigInteger serial = options.serialNumber() != null
                ? options.serialNumber()
                : new BigInteger(SERIAL_NUMBER_BITS, RANDOM).setBit(0);
        SubjectPublicKeyInfo subjectKeyInfo = csr.request().getSubjectPublicKeyInfo();
        X500Name builderIssuer = issuer.getRDNs().length == 0 ? EmptyIssuerCertificates.PLACEHOLDER_ISSUER : issuer;
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(builderIssuer, serial,
                Date.from(options.notBefore()), Date.from(options.notAfter()), subject, subjectKeyInfo);
        try {
            addExtensions(builder, csr, options, usages, issuerCertificate, signerPublicKey);
        } catch (IOException e) {
            throw new PkiException("encoding the certificate extensions failed: " + e.getMessage(), e);
        }

        String algorithm = SignatureAlgorithms.defaultFor(signerPublicKey);
        X509CertificateHolder holder;
        try {
            holder = issuer.getRDNs().length == 0
                    ? EmptyIssuerCertificates.build(builder, algorithm, signerKey)
                    : builder.build(Csrs.signer(algorithm, signerKey));
        } catch (RuntimeOperatorException e) {
            // The key matched the issuer certificate's public key, so a failure here means a damaged private
            // part, such as a wrong CRT value of an RSA key.
            throw new PkiException("signing with the issuer's private key failed (" + e.getMessage() + "); the key"
                    + " may be damaged: replace it with the intact private key of the issuer certificate", e);
        }
        try {
            return Providers.allowingEmptyIssuer(() -> new JcaX509CertificateConverter().setProvider(Providers.BOUNCY_CASTLE).getCertificate(holder));
        } catch (CertificateException e) {
            throw new PkiException("converting the signed certificate failed: " + e.getMessage(), e);
        }
    }

    private static void checkKeys(ParsedCsr csr, X509Certificate issuerCertificate, PublicKey signerPublicKey)
            throws PkiException {
        if (issuerCertificate == null) {
            if (!PrivateKeys.publicKeysEqual(csr.publicKey(), signerPublicKey)) {
                throw new PkiException("the certificate request's public key does not match the self-signing private key");
            }
            return;
        }
        if (!PrivateKeys.publicKeysEqual(issuerCertificate.getPublicKey(), signerPublicKey)) {
            throw new PkiException("the signing private key does not match the public key of the issuer certificate "
                    + issuerCertificate.getSubjectX500Principal().getName());
        }
        if (PrivateKeys.publicKeysEqual(csr.publicKey(), signerPublicKey)) {
            throw new PkiException("the certificate request uses the issuer's own public key;"
                    + " generate a new private key for the requested certificate");
        }
    }

    /**
     * Rejects a CSR whose embedded KeyUsage or ExtendedKeyUsage extension differs from what the
     * certificate will get, because signing would silently change what the requester asked for.
     */
    private static void checkCsrUsages(ParsedCsr csr, Usages.Encoded requested, List<String> requestedNames)
            throws PkiException {
        Optional<KeyUsage> csrKeyUsage = csr.keyUsage();
        Optional<ExtendedKeyUsage> csrExtendedKeyUsage = csr.extendedKeyUsage();
        boolean keyUsageDiffers = csrKeyUsage.isPresent()
                && bits(csrKeyUsage.get()) != requested.keyUsageBits();
        boolean extendedDiffers = csrExtendedKeyUsage.isPresent()
                && !oids(csrExtendedKeyUsage.get()).equals(requested.extendedKeyUsages());
        if (keyUsageDiffers || extendedDiffers) {
            throw new PkiException("usages in the CSR do not match the requested usages: the CSR has "
                    + csr.usages().orElse(List.of()) + ", the request has " + requestedNames);
        }
    }

    private static int bits(KeyUsage keyUsage) {
        byte[] bytes = keyUsage.getBytes();
        int value = 0;
        for (int i = 0; i < bytes.length && i < 4; i++) {
            value |= (bytes[i] & 0xff) << (8 * i);
        }
        return value;
    }

    private static Set<ASN1ObjectIdentifier> oids(ExtendedKeyUsage extendedKeyUsage) {
        Set<ASN1ObjectIdentifier> result = new java.util.LinkedHashSet<>();
        for (KeyPurposeId purpose : extendedKeyUsage.getUsages()) {
            result.add(purpose.toOID());
        }
        return result;
    }

    private static void addExtensions(X509v3CertificateBuilder builder, ParsedCsr csr, SigningOptions options,
                                      Usages.Encoded usages, X509Certificate issuerCertificate,
                                      PublicKey signerPublicKey) throws IOException, PkiException {
        BcX509ExtensionUtils keyIds = new BcX509ExtensionUtils();
        SubjectKeyIdentifier subjectKeyId = keyIds.createSubjectKeyIdentifier(csr.request().getSubjectPublicKeyInfo());

        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(options.isCA()));
        if (usages.keyUsage() != null) {
            builder.addExtension(Extension.keyUsage, true, usages.keyUsage());
        }
        if (usages.extendedKeyUsage() != null) {
            builder.addExtension(Extension.extendedKeyUsage, false, usages.extendedKeyUsage());
        }
        builder.addExtension(Extension.subjectKeyIdentifier, false, subjectKeyId);
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                authorityKeyId(issuerCertificate, signerPublicKey, subjectKeyId));

        Optional<Extension> altNames = csr.subjectAltNameExtension();
        if (altNames.isPresent()) {
            boolean critical = csr.subject().getRDNs().length == 0;
            builder.addExtension(Extension.subjectAlternativeName, critical, altNames.get().getParsedValue());
        }
        Optional<Extension> nameConstraints = csr.nameConstraintsExtension();
        if (nameConstraints.isPresent()) {
            builder.addExtension(nameConstraints.get());
        }
        addRevocationAndAccess(builder, options);
    }

    private static AuthorityKeyIdentifier authorityKeyId(X509Certificate issuerCertificate, PublicKey signerPublicKey,
                                                         SubjectKeyIdentifier ownKeyId) throws PkiException {
        if (issuerCertificate == null) {
            return new AuthorityKeyIdentifier(ownKeyId.getKeyIdentifier());
        }
        byte[] issuerExtension = issuerCertificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (issuerExtension != null) {
            SubjectKeyIdentifier issuerKeyId = SubjectKeyIdentifier.getInstance(
                    org.bouncycastle.asn1.ASN1OctetString.getInstance(issuerExtension).getOctets());
            return new AuthorityKeyIdentifier(issuerKeyId.getKeyIdentifier());
        }
        // An issuer without a SubjectKeyIdentifier: use the RFC 5280 method 1 key id of its key.
        SubjectPublicKeyInfo issuerKeyInfo = SubjectPublicKeyInfo.getInstance(signerPublicKey.getEncoded());
        return new AuthorityKeyIdentifier(new BcX509ExtensionUtils().createSubjectKeyIdentifier(issuerKeyInfo).getKeyIdentifier());
    }

    private static void addRevocationAndAccess(X509v3CertificateBuilder builder, SigningOptions options)
            throws CertIOException {
        if (!options.crlDistributionPoints().isEmpty()) {
            List<DistributionPoint> points = new ArrayList<>();
            for (String url : options.crlDistributionPoints()) {
                GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, url));
                points.add(new DistributionPoint(new DistributionPointName(names), null, null));
            }
            builder.addExtension(Extension.cRLDistributionPoints, false,
                    new CRLDistPoint(points.toArray(DistributionPoint[]::new)));
        }
        List<AccessDescription> access = new ArrayList<>();
        for (String url : options.ocspServers()) {
            access.add(new AccessDescription(AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, url)));
        }
        for (String url : options.issuingCertificateURLs()) {
            access.add(new AccessDescription(AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, url)));
        }
        if (!access.isEmpty()) {
            builder.addExtension(Extension.authorityInfoAccess, false,
                    new AuthorityInformationAccess(access.toArray(AccessDescription[]::new)));
        }
    }
}
