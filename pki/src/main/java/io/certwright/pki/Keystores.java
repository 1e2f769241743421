package io.certwright.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;

/**
 * PKCS#12 and JKS keystores and truststores for the issued Secret.
 *
 * <p>A PKCS#12 keystore holds the key and the leaf, linked by a localKeyId attribute, and the CA
 * certificates; a PKCS#12 truststore holds only CA certificates, each marked as trusted for any
 * purpose so that the JDK loads it as a trusted certificate entry. A JKS keystore holds one private
 * key entry with the full chain and one trusted certificate entry per CA; its key password equals the
 * store password.
 */
// NOTE: the JDK refuses to load a certificate whose issuer name is empty (a self-signed certificate
// for a Certificate that names only SANs), so Java cannot open JKS or PKCS#12 stores holding one;
// openssl can.
public final class Keystores {

    /** Alias of the private key entry in a JKS keystore when none is configured. */
    public static final String DEFAULT_JKS_ALIAS = "certificate";

    private Keystores() {}

    /**
     * Builds a PKCS#12 keystore with the key, {@code chain[0]}, and the CA list {@code chain[1:] + cas}.
     *
     * @throws IllegalArgumentException if {@code chain} is empty
     * @throws IllegalStateException if encryption fails, which means a required algorithm is missing
     */
    public static byte[] pkcs12Keystore(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> cas,
                                        char[] password, Pkcs12Profile profile) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a PKCS#12 keystore needs at least the leaf certificate");
        }
        try {
            Pkcs12Algorithms algorithms = Pkcs12Algorithms.of(profile);
            X509Certificate leaf = chain.get(0);
            DEROctetString localKeyId = new DEROctetString(MessageDigest.getInstance("SHA-1").digest(leaf.getEncoded()));

            List<PKCS12SafeBag> certificateBags = new ArrayList<>();
            certificateBags.add(new JcaPKCS12SafeBagBuilder(leaf)
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId)
                    .build());
            List<X509Certificate> caList = new ArrayList<>(chain.subList(1, chain.size()));
            caList.addAll(cas);
            for (X509Certificate ca : caList) {
                certificateBags.add(new JcaPKCS12SafeBagBuilder(ca).build());
            }
            PKCS12SafeBag keyBag = new JcaPKCS12SafeBagBuilder(key, algorithms.keyEncryptor(password))
                    .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, localKeyId)
                    .build();

            PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
            builder.addEncryptedData(algorithms.certificateEncryptor(password), certificateBags.toArray(PKCS12SafeBag[]::new));
            builder.addData(keyBag);
            return encode(builder.build(algorithms.macBuilder(), password));
        } catch (GeneralSecurityException | IOException | OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("building a " + profile.specName() + " PKCS#12 keystore failed", e);
        }
    }

    /**
     * Builds a PKCS#12 truststore of {@code cas}, with friendly names {@code ca}, {@code ca-1}, ...
     *
     * @throws IllegalStateException if encryption fails, which means a required algorithm is missing
     */
    public static byte[] pkcs12Truststore(List<X509Certificate> cas, char[] password, Pkcs12Profile profile) {
        try {
            Pkcs12Algorithms algorithms = Pkcs12Algorithms.of(profile);
            List<PKCS12SafeBag> bags = new ArrayList<>();
            for (int i = 0; i < cas.size(); i++) {
                bags.add(new JcaPKCS12SafeBagBuilder(cas.get(i))
                        .addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(caAlias(i)))
                        .addBagAttribute(Pkcs12Algorithms.ORACLE_TRUSTED_KEY_USAGE, Pkcs12Algorithms.ANY_EXTENDED_KEY_USAGE)
                        .build());
            }
            PKCS12PfxPduBuilder builder = new PKCS12PfxPduBuilder();
            builder.addEncryptedData(algorithms.certificateEncryptor(password), bags.toArray(PKCS12SafeBag[]::new));
            return encode(builder.build(algorithms.macBuilder(), password));
        } catch (IOException | OperatorCreationException | PKCSException e) {
            throw new IllegalStateException("building a " + profile.specName() + " PKCS#12 truststore failed", e);
        }
    }

    /**
     * Builds a JKS keystore: a private key entry {@code alias} with the full chain, and trusted
     * certificate entries {@code ca}, {@code ca-1}, ... for {@code cas}.
     *
     * @param alias the private key entry alias, or null for {@value #DEFAULT_JKS_ALIAS}
     * @throws IllegalArgumentException if {@code chain} is empty
     */
    public static byte[] jksKeystore(PrivateKey key, List<X509Certificate> chain, List<X509Certificate> cas,
                                     char[] password, String alias) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a JKS keystore needs at least the leaf certificate");
        }
        try {
            KeyStore store = emptyJks();
            store.setKeyEntry(alias == null ? DEFAULT_JKS_ALIAS : alias, key, password, chain.toArray(Certificate[]::new));
            addTrustedEntries(store, cas);
            return store(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("building a JKS keystore failed", e);
        }
    }

    /** Builds a JKS truststore with trusted certificate entries {@code ca}, {@code ca-1}, ... */
    public static byte[] jksTruststore(List<X509Certificate> cas, char[] password) {
        try {
            KeyStore store = emptyJks();
            addTrustedEntries(store, cas);
            return store(store, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("building a JKS truststore failed", e);
        }
    }

    /** Returns the alias of the {@code index}-th CA: {@code ca}, then {@code ca-1}, {@code ca-2}, ... */
    static String caAlias(int index) {
        return index == 0 ? "ca" : "ca-" + index;
    }

    private static KeyStore emptyJks() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("JKS");
        store.load(null, null);
        return store;
    }

    private static void addTrustedEntries(KeyStore store, List<X509Certificate> cas) throws GeneralSecurityException {
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry(caAlias(i), cas.get(i));
        }
    }

    private static byte[] store(KeyStore store, char[] password) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }

    private static byte[] encode(PKCS12PfxPdu pfx) throws IOException {
        return pfx.getEncoded("DER");
    }
}
