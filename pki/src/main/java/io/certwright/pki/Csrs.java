package io.certwright.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.GeneralSubtree;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * Building and parsing PKCS#10 certificate signing requests.
 *
 * <p>A built CSR contains the subject, a SubjectAltName extension (critical only when the subject
 * is empty, as RFC 5280 section 4.2.1.6 requires), a critical KeyUsage and an ExtendedKeyUsage
 * extension from the usages unless {@link CsrSpec#encodeUsagesInRequest()} is false, and a
 * NameConstraints extension when requested. It never contains BasicConstraints.
 */
public final class Csrs {

    private Csrs() {}

    /**
     * Builds and signs a CSR and returns it PEM-encoded ({@code CERTIFICATE REQUEST}).
     *
     * @throws PkiException if the spec has neither a common name nor a subject alternative name, a
     *     value is invalid (IP, URI, usage, CIDR, literal subject), or the signature algorithm does not fit the key
     */
    public static String buildPem(CsrSpec spec, KeyPair keyPair) throws PkiException {
        try {
            byte[] der = build(spec, keyPair).getEncoded();
            // The signature was just made with the private key of the public key the CSR carries, so an issuer
            // in this process that parses these exact bytes need not verify it again. A key pair whose halves
            // do not match would pass here, but the issued certificate's key is then checked against the Secret.
            VerifiedSignatures.CSRS.add(der);
            return Pem.encodeCsr(der);
        } catch (IOException e) {
            throw new PkiException("encoding the certificate request failed: " + e.getMessage(), e);
        }
    }

    /** Builds and signs a CSR; see {@link #buildPem}. */
    static PKCS10CertificationRequest build(CsrSpec spec, KeyPair keyPair) throws PkiException {
        X500Name subject = Subjects.build(spec);
        GeneralNames altNames = AltNames.encode(
                spec.dnsNames(), spec.ipAddresses(), spec.uris(), spec.emailAddresses(), spec.otherNames());
        boolean hasCommonName = !Subjects.first(subject, org.bouncycastle.asn1.x500.style.BCStyle.CN).isEmpty();
        if (!hasCommonName && altNames == null) {
            throw new PkiException("the certificate request needs a common name or at least one subject alternative name"
                    + " (DNS name, IP address, URI, email address or otherName)");
        }

        List<Extension> extensions = new ArrayList<>();
        try {
            if (altNames != null) {
                boolean critical = subject.getRDNs().length == 0;
                extensions.add(new Extension(Extension.subjectAlternativeName, critical, altNames.getEncoded()));
            }
            if (spec.encodeUsagesInRequest()) {
                Usages.Encoded usages = Usages.encode(Usages.effective(spec.usages(), spec.isCA()));
                if (usages.keyUsage() != null) {
                    extensions.add(new Extension(Extension.keyUsage, true, usages.keyUsage().getEncoded()));
                }
                if (usages.extendedKeyUsage() != null) {
                    extensions.add(new Extension(Extension.extendedKeyUsage, false, usages.extendedKeyUsage().getEncoded()));
                }
            }
            Extension nameConstraints = nameConstraintsExtension(spec.nameConstraints());
            if (nameConstraints != null) {
                extensions.add(nameConstraints);
            }
        } catch (IOException e) {
            throw new PkiException("encoding the certificate request extensions failed: " + e.getMessage(), e);
        }

        JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic());
        if (!extensions.isEmpty()) {
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest,
                    new Extensions(extensions.toArray(Extension[]::new)));
        }
        String algorithm = SignatureAlgorithms.resolve(spec.signatureAlgorithm(), keyPair.getPublic());
        return builder.build(signer(algorithm, keyPair.getPrivate()));
    }

    private static Extension nameConstraintsExtension(NameConstraints constraints) throws PkiException, IOException {
        if (constraints == null) {
            return null;
        }
        GeneralSubtree[] permitted = AltNames.encodeSubtrees(constraints.permitted());
        GeneralSubtree[] excluded = AltNames.encodeSubtrees(constraints.excluded());
        if (permitted == null && excluded == null) {
            return null;
        }
        org.bouncycastle.asn1.x509.NameConstraints value = new org.bouncycastle.asn1.x509.NameConstraints(permitted, excluded);
        return new Extension(Extension.nameConstraints, constraints.critical(), value.getEncoded());
    }

    static ContentSigner signer(String jcaAlgorithm, java.security.PrivateKey key) throws PkiException {
        try {
            return new JcaContentSignerBuilder(jcaAlgorithm).build(key);
        } catch (OperatorCreationException | IllegalArgumentException e) {
            throw new PkiException("creating a " + jcaAlgorithm + " signer failed: " + e.getMessage(), e);
        }
    }

    /**
     * Parses a CSR in PEM ({@code CERTIFICATE REQUEST} or {@code NEW CERTIFICATE REQUEST}) or DER form
     * and verifies its signature. Use this before signing a request.
     *
     * @throws PkiException if the input is not a CSR, its public key is unsupported, or the signature is invalid
     */
    public static ParsedCsr parse(byte[] input) throws PkiException {
        byte[] der = derOf(input);
        ParsedCsr parsed = decode(der);
        if (!VerifiedSignatures.CSRS.contains(der)) {
            verifySignature(parsed);
            VerifiedSignatures.CSRS.add(der);
        }
        return parsed;
    }

    /**
     * Parses a CSR like {@link #parse} without verifying its signature. Use it only to compare a request with a
     * key or a spec, never before signing it. Verifying costs an ECDSA or RSA operation each time, and in a JFR
     * profile of {@code bench/scale --runtime kubernetes --count 10000} (2-core VM) it was 80 % of the CPU the
     * controllers used while rechecking the issued Certificates after a restart.
     *
     * @throws PkiException if the input is not a CSR or its public key is unsupported
     */
    public static ParsedCsr parseUnverified(byte[] input) throws PkiException {
        return decode(derOf(input));
    }

    private static byte[] derOf(byte[] input) throws PkiException {
        return looksLikePem(input) ? pemBody(input) : input;
    }

    private static ParsedCsr decode(byte[] der) throws PkiException {
        PKCS10CertificationRequest request;
        try {
            request = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new PkiException("the certificate request is not valid DER: " + e.getMessage(), e);
        }
        return new ParsedCsr(request);
    }

    private static boolean looksLikePem(byte[] input) {
        return new String(input, 0, Math.min(input.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("-----BEGIN ");
    }

    private static byte[] pemBody(byte[] input) throws PkiException {
        for (PemBlocks.Block block : PemBlocks.decode(input, "PEM block")) {
            if (block.type().equals("CERTIFICATE REQUEST") || block.type().equals("NEW CERTIFICATE REQUEST")) {
                return block.der();
            }
        }
        throw new PkiException("no CERTIFICATE REQUEST PEM block found");
    }

    private static void verifySignature(ParsedCsr parsed) throws PkiException {
        boolean valid;
        try {
            valid = parsed.request().isSignatureValid(
                    new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder().build(parsed.publicKey()));
        } catch (OperatorCreationException | org.bouncycastle.pkcs.PKCSException e) {
            throw new PkiException("verifying the certificate request signature failed: " + e.getMessage(), e);
        }
        if (!valid) {
            throw new PkiException("the certificate request signature is invalid");
        }
    }

    /** Converts a BouncyCastle key conversion failure into a {@link PkiException}. */
    static PkiException keyError(String what, Exception e) {
        return new PkiException(what + ": " + e.getMessage(), e);
    }

    static java.security.PublicKey publicKeyOf(PKCS10CertificationRequest request) throws PkiException {
        try {
            return PrivateKeys.toJdkPublicKey(request.getSubjectPublicKeyInfo());
        } catch (IOException | GeneralSecurityException e) {
            throw keyError("the certificate request contains an unsupported public key", e);
        }
    }
}
