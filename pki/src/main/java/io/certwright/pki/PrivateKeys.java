package io.certwright.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Generation, PEM encoding and parsing, and inspection of private keys.
 *
 * <p>Keys are generated and returned as JDK key objects (SunRsaSign, SunEC), so they work with the
 * JDK's {@code KeyStore} and {@code Signature} implementations.
 */
public final class PrivateKeys {

    /** RSA modulus size used when {@code size} is 0. */
    public static final int DEFAULT_RSA_SIZE = 2048;
    /** Smallest RSA modulus size accepted. */
    public static final int MIN_RSA_SIZE = 2048;
    /** Largest RSA modulus size accepted. */
    public static final int MAX_RSA_SIZE = 8192;
    /** ECDSA curve size used when {@code size} is 0. */
    public static final int DEFAULT_ECDSA_SIZE = 256;

    private static final List<String> PRIVATE_KEY_TYPES = List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY",
            "ENCRYPTED PRIVATE KEY");

    private PrivateKeys() {}

    /**
     * Generates a key pair.
     *
     * @param size RSA modulus bits in [2048, 8192], ECDSA curve size 256, 384 or 521, or 0 for the
     *     default (RSA 2048, ECDSA 256); ignored for Ed25519
     * @throws IllegalArgumentException if the size is not valid for the algorithm
     */
    public static KeyPair generate(KeyAlgorithm algorithm, int size) {
        try {
            switch (algorithm) {
                case RSA: {
                    int bits = size == 0 ? DEFAULT_RSA_SIZE : size;
                    if (bits < MIN_RSA_SIZE || bits > MAX_RSA_SIZE) {
                        throw new IllegalArgumentException("invalid RSA key size " + size
                                + ": must be between " + MIN_RSA_SIZE + " and " + MAX_RSA_SIZE + ", or 0 for "
                                + DEFAULT_RSA_SIZE);
                    }
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(bits);
                    return remember(generator.generateKeyPair());
                }
                case ECDSA: {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                    generator.initialize(new ECGenParameterSpec(curveName(size == 0 ? DEFAULT_ECDSA_SIZE : size)));
                    return remember(generator.generateKeyPair());
                }
                case ED25519:
                    return remember(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
                default:
                    throw new IllegalArgumentException("unsupported key algorithm " + algorithm);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot generate a " + algorithm + " key", e);
        }
    }

    /**
     * Remembers the public half of a new key pair, so that {@link #publicKeyOf} need not derive it again,
     * which for EC and Ed25519 keys is a point multiplication.
     */
    private static KeyPair remember(KeyPair pair) {
        DerivedPublicKeys.put(pair.getPrivate(), pair.getPublic());
        return pair;
    }

    private static String curveName(int size) {
        switch (size) {
            case 256:
                return "secp256r1";
            case 384:
                return "secp384r1";
            case 521:
                return "secp521r1";
            default:
                throw new IllegalArgumentException("invalid ECDSA key size " + size + ": must be 256, 384 or 521");
        }
    }

    /**
     * Encodes a private key as one PEM block.
     *
     * <p>PKCS1 writes {@code RSA PRIVATE KEY} (PKCS#1) for RSA and {@code EC PRIVATE KEY} (SEC 1 with
     * the named curve and the public key) for EC. PKCS8, and any Ed25519 key, writes {@code PRIVATE KEY}.
     */
    public static String encodePem(PrivateKey key, KeyEncoding encoding) {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
        KeyAlgorithm algorithm = algorithmOf(key);
        try {
            if (encoding == KeyEncoding.PKCS1 && algorithm == KeyAlgorithm.RSA) {
                return PemBlocks.encode("RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
            }
            if (encoding == KeyEncoding.PKCS1 && algorithm == KeyAlgorithm.ECDSA) {
                return PemBlocks.encode("EC PRIVATE KEY", sec1(key, info));
            }
            return PemBlocks.encode("PRIVATE KEY", info.getEncoded());
        } catch (IOException e) {
            throw new IllegalStateException("encoding a " + algorithm + " private key failed", e);
        }
    }

    private static byte[] sec1(PrivateKey key, PrivateKeyInfo info) throws IOException {
        ECPrivateKeyParameters parameters = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(info);
        ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
        // The public key's bit string is the uncompressed point, as SEC 1 writes it, and publicKeyOf has
        // usually remembered it already, so no point multiplication is needed here.
        byte[] publicPoint = SubjectPublicKeyInfo.getInstance(publicKeyOf(key).getEncoded()).getPublicKeyData()
                .getBytes();
        int orderBits = parameters.getParameters().getN().bitLength();
        return new ECPrivateKey(orderBits, parameters.getD(), new DERBitString(publicPoint), curve).getEncoded();
    }

    /**
     * Parses the first private key PEM block in {@code pem} ({@code PRIVATE KEY}, {@code RSA PRIVATE KEY}
     * or {@code EC PRIVATE KEY}). Blocks of other types before it are skipped.
     *
     * @throws PkiException if no such block exists, it is encrypted, or its contents are not a valid key
     */
    public static PrivateKey parsePem(byte[] pem) throws PkiException {
        for (PemBlocks.Block block : PemBlocks.decode(pem, "PEM block")) {
            if (!PRIVATE_KEY_TYPES.contains(block.type())) {
                continue;
            }
            if (block.encrypted() || block.type().equals("ENCRYPTED PRIVATE KEY")) {
                throw new PkiException("the " + block.type() + " PEM block is encrypted, which is not supported;"
                        + " store the key unencrypted");
            }
            return parseDer(block.type(), block.der());
        }
        throw new PkiException("no private key PEM block found (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
    }

    private static PrivateKey parseDer(String type, byte[] der) throws PkiException {
        try {
            PrivateKeyInfo info;
            if (type.equals("RSA PRIVATE KEY")) {
                info = new PrivateKeyInfo(
                        new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, org.bouncycastle.asn1.DERNull.INSTANCE),
                        RSAPrivateKey.getInstance(der));
            } else if (type.equals("EC PRIVATE KEY")) {
                ECPrivateKey ec = ECPrivateKey.getInstance(der);
                ASN1Encodable curve = ec.getParametersObject();
                if (curve == null) {
                    throw new PkiException("the EC PRIVATE KEY block has no curve parameters");
                }
                info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve), ec);
            } else {
                info = PrivateKeyInfo.getInstance(der);
            }
            String jcaAlgorithm = jcaAlgorithm(info.getPrivateKeyAlgorithm().getAlgorithm());
            return KeyFactory.getInstance(jcaAlgorithm).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
            throw new PkiException("the " + type + " PEM block does not contain a valid private key: " + e.getMessage(), e);
        }
    }

    private static String jcaAlgorithm(ASN1ObjectIdentifier oid) throws PkiException {
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption)) {
            return "RSA";
        }
        if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey)) {
            return "EC";
        }
        if (oid.equals(EdECObjectIdentifiers.id_Ed25519)) {
            return "Ed25519";
        }
        throw new PkiException("unsupported private key algorithm " + oid.getId() + ": expected RSA, EC or Ed25519");
    }

    /**
     * Derives the public key of a private key, remembering it for later calls with the same key.
     *
     * @throws IllegalArgumentException if the key is an RSA key without CRT parameters or of an unsupported type
     */
    public static PublicKey publicKeyOf(PrivateKey key) {
        PublicKey remembered = DerivedPublicKeys.get(key);
        if (remembered != null) {
            return remembered;
        }
        PublicKey derived = derivePublicKey(key);
        DerivedPublicKeys.put(key, derived);
        return derived;
    }

    private static PublicKey derivePublicKey(PrivateKey key) {
        if (key instanceof java.security.interfaces.RSAPrivateKey rsa && !(key instanceof RSAPrivateCrtKey)) {
            throw new IllegalArgumentException("the " + rsa.getModulus().bitLength() + "-bit RSA private key has no"
                    + " CRT parameters, so its public exponent and public key are unknown");
        }
        try {
            AsymmetricKeyParameter parameters = PrivateKeyFactory.createKey(PrivateKeyInfo.getInstance(key.getEncoded()));
            AsymmetricKeyParameter publicParameters;
            if (parameters instanceof RSAPrivateCrtKeyParameters) {
                RSAPrivateCrtKeyParameters rsa = (RSAPrivateCrtKeyParameters) parameters;
                publicParameters = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
            } else if (parameters instanceof ECPrivateKeyParameters) {
                ECPrivateKeyParameters ec = (ECPrivateKeyParameters) parameters;
                publicParameters = new ECPublicKeyParameters(
                        ec.getParameters().getG().multiply(ec.getD()).normalize(), ec.getParameters());
            } else if (parameters instanceof Ed25519PrivateKeyParameters) {
                publicParameters = ((Ed25519PrivateKeyParameters) parameters).generatePublicKey();
            } else {
                throw new IllegalArgumentException("cannot derive the public key of a " + key.getAlgorithm()
                        + " private key: RSA keys need CRT parameters, and only RSA, EC and Ed25519 are supported");
            }
            SubjectPublicKeyInfo info = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicParameters);
            return toJdkPublicKey(info);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot derive the public key of a " + key.getAlgorithm() + " private key", e);
        }
    }

    static PublicKey toJdkPublicKey(SubjectPublicKeyInfo info) throws IOException, GeneralSecurityException {
        String algorithm;
        try {
            algorithm = jcaAlgorithm(info.getAlgorithm().getAlgorithm());
        } catch (PkiException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
        return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(info.getEncoded()));
    }

    /** Returns true when both keys have the same DER SubjectPublicKeyInfo encoding. */
    public static boolean publicKeysEqual(PublicKey a, PublicKey b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Arrays.equals(a.getEncoded(), b.getEncoded());
    }

    /**
     * Returns the algorithm of a public or private key.
     *
     * @throws IllegalArgumentException if the key is not RSA, EC or Ed25519
     */
    public static KeyAlgorithm algorithmOf(Key key) {
        if (key instanceof RSAKey) {
            return KeyAlgorithm.RSA;
        }
        if (key instanceof ECKey) {
            return KeyAlgorithm.ECDSA;
        }
        String name = key.getAlgorithm();
        if (key instanceof EdECKey) {
            name = ((EdECKey) key).getParams().getName();
        }
        if (name.equalsIgnoreCase("Ed25519")) {
            return KeyAlgorithm.ED25519;
        }
        throw new IllegalArgumentException("unsupported key algorithm " + name + ": expected RSA, EC or Ed25519");
    }

    /** Returns the RSA modulus bits, the EC field size (256, 384 or 521), or 0 for Ed25519. */
    public static int sizeOf(Key key) {
        if (key instanceof RSAKey) {
            BigInteger modulus = ((RSAKey) key).getModulus();
            return modulus.bitLength();
        }
        if (key instanceof ECKey) {
            return ((ECKey) key).getParams().getCurve().getField().getFieldSize();
        }
        algorithmOf(key);
        return 0;
    }
}
