package io.certwright.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.security.PrivateKey;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

/**
 * Builds certificates whose issuer name is empty, which BouncyCastle's certificate builder
 * refuses. The certificate is built with a placeholder issuer, the placeholder is replaced by
 * the empty name in the to-be-signed structure, and the result is signed afresh, so the
 * placeholder never appears in a signed certificate.
 */
final class EmptyIssuerCertificates {
    /** Stands in for the empty issuer until the to-be-signed structure is rewritten. */
    static final X500Name PLACEHOLDER_ISSUER = new X500Name("CN=certwright-empty-issuer-placeholder");

    /** Position of the issuer in a v3 TBSCertificate: version [0], serialNumber, signature, issuer. */
    private static final int ISSUER_INDEX = 3;

    private EmptyIssuerCertificates() {
    }

    static X509CertificateHolder build(X509v3CertificateBuilder builder, String algorithm, PrivateKey signerKey)
            throws PkiException {
        TBSCertificate placeholder = builder.build(Csrs.signer(algorithm, signerKey)).toASN1Structure().getTBSCertificate();
        ASN1Sequence fields = ASN1Sequence.getInstance(placeholder.toASN1Primitive());
        ASN1EncodableVector rewritten = new ASN1EncodableVector();
        for (int i = 0; i < fields.size(); i++) {
            rewritten.add(i == ISSUER_INDEX ? new X500Name(new RDN[0]) : fields.getObjectAt(i));
        }
        DERSequence tbs = new DERSequence(rewritten);

        ContentSigner signer = Csrs.signer(algorithm, signerKey);
        try (OutputStream out = signer.getOutputStream()) {
            out.write(tbs.getEncoded(ASN1Encoding.DER));
        } catch (IOException e) {
            throw new PkiException("signing a certificate with an empty issuer name failed: " + e.getMessage(), e);
        }
        ASN1Encodable[] certificate = {tbs, signer.getAlgorithmIdentifier(), new DERBitString(signer.getSignature())};
        return Providers.allowingEmptyIssuer(
                () -> new X509CertificateHolder(Certificate.getInstance(new DERSequence(certificate))));
    }
}
