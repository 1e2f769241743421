package io.certwright.pki;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** PEM encoding and strict decoding of certificates and certificate requests. */
public final class Pem {

    private Pem() {}

    /**
     * Parses every {@code CERTIFICATE} block, in input order. Text between blocks is ignored.
     *
     * @throws PkiException if the input has no certificate, a block is truncated or is not a
     *     certificate, or a block of another type is present; the message names the 1-based index of the bad block
     */
    public static List<X509Certificate> parseCertificates(byte[] pem) throws PkiException {
        List<PemBlocks.Block> blocks = PemBlocks.decode(pem, "certificate");
        if (blocks.isEmpty()) {
            throw new PkiException("no CERTIFICATE PEM block found");
        }
        List<X509Certificate> certificates = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            PemBlocks.Block block = blocks.get(i);
            if (!block.type().equals("CERTIFICATE")) {
                throw new PkiException("PEM block " + (i + 1) + " has type " + block.type() + ", expected CERTIFICATE");
            }
            certificates.add(parseDer(block.der(), i + 1));
        }
        return List.copyOf(certificates);
    }

    private static X509Certificate parseDer(byte[] der, int index) throws PkiException {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509", Providers.BOUNCY_CASTLE);
            return Providers.allowingEmptyIssuer(() -> (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        } catch (CertificateException e) {
            throw new PkiException("certificate " + index + " of the chain is truncated or invalid: " + e.getMessage(), e);
        }
    }

    /** Encodes certificates as consecutive {@code CERTIFICATE} blocks, each ending in a newline. */
    public static String encodeCertificates(List<X509Certificate> certificates) {
        StringBuilder pem = new StringBuilder();
        for (X509Certificate certificate : certificates) {
            try {
                pem.append(PemBlocks.encode("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalArgumentException("encoding a certificate failed", e);
            }
        }
        return pem.toString();
    }

    /** Encodes a DER certificate request as one {@code CERTIFICATE REQUEST} block. */
    public static String encodeCsr(byte[] der) {
        return PemBlocks.encode("CERTIFICATE REQUEST", der);
    }
}
