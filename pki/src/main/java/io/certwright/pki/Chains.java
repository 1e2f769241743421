package io.certwright.pki;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;

/**
 * Ordering certificate chains and splitting off the CA, as cert-manager stores them in a Secret.
 *
 * <p>A certificate's parent is the one whose subject equals its issuer, whose SubjectKeyIdentifier
 * equals its AuthorityKeyIdentifier when both are present, and whose key verifies its signature.
 * The chain ({@code tls.crt}) runs from the leaf up but leaves out a self-signed root. The CA
 * ({@code ca.crt}) is that root, or the top-most certificate of the chain when no root is available.
 */
public final class Chains {

    /**
     * A leaf-first chain and its CA.
     *
     * @param chain the leaf followed by its intermediates, without a self-signed root unless the leaf is one
     * @param ca the self-signed root, or the top-most certificate of the chain when there is no root
     */
    public record Bundle(List<X509Certificate> chain, X509Certificate ca) {

        public Bundle {
            chain = List.copyOf(chain);
        }
    }

    private Chains() {}

    /**
     * Builds the chain of a newly issued leaf from the issuer's certificates.
     *
     * <p>Duplicates are removed and the order is rebuilt from the links, so {@code issuerChain} may be
     * in any order. Certificates that are not on the leaf's path, such as unrelated roots in a CA
     * bundle, are ignored.
     *
     * @param issuerChain the issuer's {@code tls.crt}, signing certificate first; may be empty for a self-signed leaf
     * @param extraCas the issuer's {@code ca.crt}; may be empty
     */
    public static Bundle bundle(X509Certificate leaf, List<X509Certificate> issuerChain, List<X509Certificate> extraCas) {
        List<X509Certificate> pool = new ArrayList<>(issuerChain);
        pool.addAll(extraCas);
        return split(pathFrom(leaf, deduplicate(pool)));
    }

    /**
     * Builds the chain of a leaf that {@code signer} has just signed, as {@link #bundle} does, without
     * verifying the leaf's signature: the caller made it with the signer's key, so the first link is known.
     * The rest of the path is checked as in {@link #bundle}. A leaf whose subject equals its issuer may be
     * self-signed, so it takes the full check.
     *
     * @param signer the certificate whose key signed {@code leaf}
     */
    public static Bundle bundleSignedBy(X509Certificate leaf, X509Certificate signer, List<X509Certificate> issuerChain,
            List<X509Certificate> extraCas) {
        if (leaf.getIssuerX500Principal().equals(leaf.getSubjectX500Principal())
                || !leaf.getIssuerX500Principal().equals(signer.getSubjectX500Principal())) {
            return bundle(leaf, issuerChain, extraCas);
        }
        List<X509Certificate> pool = new ArrayList<>(issuerChain);
        pool.addAll(extraCas);
        List<X509Certificate> path = new ArrayList<>();
        path.add(leaf);
        path.addAll(pathFrom(signer, deduplicate(pool)));
        return split(path);
    }

    /**
     * Orders an unordered bundle that must contain exactly one chain, and splits off its CA.
     *
     * @throws PkiException if {@code certificates} is empty, or does not form a single chain
     */
    public static Bundle parseSingleChain(List<X509Certificate> certificates) throws PkiException {
        List<X509Certificate> unique = deduplicate(certificates);
        if (unique.isEmpty()) {
            throw new PkiException("the certificate bundle is empty");
        }
        List<X509Certificate> leaves = new ArrayList<>();
        for (X509Certificate candidate : unique) {
            boolean issuesAnother = unique.stream()
                    .anyMatch(other -> other != candidate && isParent(candidate, other));
            if (!issuesAnother) {
                leaves.add(candidate);
            }
        }
        if (leaves.size() != 1) {
            throw new PkiException("the certificate bundle does not form a single chain: found " + leaves.size()
                    + " certificates that issue no other certificate in the bundle " + subjects(leaves));
        }
        List<X509Certificate> path = pathFrom(leaves.get(0), unique);
        if (path.size() != unique.size()) {
            List<X509Certificate> unlinked = new ArrayList<>(unique);
            unlinked.removeAll(path);
            throw new PkiException("the certificate bundle does not form a single chain: "
                    + subjects(unlinked) + " are not linked to the chain of " + subjects(List.of(leaves.get(0))));
        }
        return split(path);
    }

    private static Bundle split(List<X509Certificate> path) {
        X509Certificate top = path.get(path.size() - 1);
        if (path.size() > 1 && isSelfSigned(top)) {
            return new Bundle(path.subList(0, path.size() - 1), top);
        }
        return new Bundle(path, top);
    }

    /** Walks from {@code start} to its parents in {@code pool} until a self-signed certificate or a dead end. */
    private static List<X509Certificate> pathFrom(X509Certificate start, List<X509Certificate> pool) {
        List<X509Certificate> path = new ArrayList<>();
        path.add(start);
        X509Certificate current = start;
        while (!isSelfSigned(current)) {
            X509Certificate parent = null;
            for (X509Certificate candidate : pool) {
                if (!containsEncoded(path, candidate) && isParent(candidate, current)) {
                    parent = candidate;
                    break;
                }
            }
            if (parent == null) {
                break;
            }
            path.add(parent);
            current = parent;
        }
        return path;
    }

    /** Returns true when {@code parent} issued {@code child}. */
    static boolean isParent(X509Certificate parent, X509Certificate child) {
        if (!child.getIssuerX500Principal().equals(parent.getSubjectX500Principal())) {
            return false;
        }
        byte[] authorityKeyId = authorityKeyId(child);
        byte[] subjectKeyId = subjectKeyId(parent);
        if (authorityKeyId != null && subjectKeyId != null && !Arrays.equals(authorityKeyId, subjectKeyId)) {
            return false;
        }
        return verifies(child, parent);
    }

    /** Returns true when the certificate's subject equals its issuer and its own key verifies its signature. */
    public static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())
                && verifies(certificate, certificate);
    }

    private static boolean verifies(X509Certificate child, X509Certificate parent) {
        try {
            byte[] childEncoding = child.getEncoded();
            byte[] parentKey = parent.getPublicKey().getEncoded();
            if (VerifiedSignatures.CERTIFICATES.contains(childEncoding, parentKey)) {
                return true;
            }
            child.verify(parent.getPublicKey());
            VerifiedSignatures.CERTIFICATES.add(childEncoding, parentKey);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static byte[] subjectKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        return SubjectKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifier();
    }

    static byte[] authorityKeyId(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (value == null) {
            return null;
        }
        return AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(value).getOctets()).getKeyIdentifierOctets();
    }

    /** Removes certificates whose DER encoding repeats an earlier one, keeping the first occurrence. */
    static List<X509Certificate> deduplicate(List<X509Certificate> certificates) {
        Map<String, X509Certificate> unique = new LinkedHashMap<>();
        for (X509Certificate certificate : certificates) {
            unique.putIfAbsent(java.util.Base64.getEncoder().encodeToString(encoded(certificate)), certificate);
        }
        return new ArrayList<>(unique.values());
    }

    private static boolean containsEncoded(List<X509Certificate> certificates, X509Certificate certificate) {
        byte[] der = encoded(certificate);
        return certificates.stream().anyMatch(c -> Arrays.equals(encoded(c), der));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("encoding a certificate failed", e);
        }
    }

    private static List<String> subjects(List<X509Certificate> certificates) {
        return certificates.stream().map(c -> "\"" + c.getSubjectX500Principal().getName() + "\"").toList();
    }
}
