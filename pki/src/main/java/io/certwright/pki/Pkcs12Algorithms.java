package io.certwright.pki;

import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PBMAC1Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.RC2Engine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.util.PBKDF2Config;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBEOutputEncryptorBuilder;
import org.bouncycastle.pkcs.bc.BcPKCS12PBMac1CalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * The encryptors and MAC of one {@link Pkcs12Profile}. The parameters follow the Go library
 * {@code software.sslmate.com/src/go-pkcs12}, which cert-manager uses: 2048 key derivation
 * iterations for encryption, and for the classic MAC one iteration in the legacy profiles and 2048 in Modern2023.
 */
final class Pkcs12Algorithms {

    /**
     * Oracle's bag attribute that marks a certificate as a trusted entry for the JDK's PKCS12 keystore.
     * Its values are the OIDs of the purposes the certificate is trusted for.
     */
    static final ASN1ObjectIdentifier ORACLE_TRUSTED_KEY_USAGE = new ASN1ObjectIdentifier("2.16.840.1.113894.746875.1.1");
    static final ASN1ObjectIdentifier ANY_EXTENDED_KEY_USAGE = KeyPurposeId.anyExtendedKeyUsage.toOID();

    private static final int ENCRYPTION_ITERATIONS = 2048;
    private static final int LEGACY_MAC_ITERATIONS = 1;
    private static final int MODERN_MAC_ITERATIONS = 2048;
    private static final int MODERN_SALT_BYTES = 16;
    private static final int HMAC_SHA256_KEY_BYTES = 32;
    private static final java.security.Provider PROVIDER = Providers.BOUNCY_CASTLE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Pkcs12Profile profile;

    private Pkcs12Algorithms(Pkcs12Profile profile) {
        this.profile = profile;
    }

    static Pkcs12Algorithms of(Pkcs12Profile profile) {
        return new Pkcs12Algorithms(profile == null ? Pkcs12Profile.LEGACY_RC2 : profile);
    }

    OutputEncryptor certificateEncryptor(char[] password) throws OperatorCreationException {
        switch (profile) {
            case LEGACY_RC2:
                return new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC,
                        CBCBlockCipher.newInstance(new RC2Engine())).setIterationCount(ENCRYPTION_ITERATIONS).build(password);
            case LEGACY_DES:
                return tripleDes(password);
            default:
                return pbes2(password);
        }
    }

    OutputEncryptor keyEncryptor(char[] password) throws OperatorCreationException {
        switch (profile) {
            case LEGACY_RC2:
            case LEGACY_DES:
                return tripleDes(password);
            default:
                return pbes2(password);
        }
    }

    PKCS12MacCalculatorBuilder macBuilder() throws java.io.IOException {
        switch (profile) {
            case LEGACY_RC2:
            case LEGACY_DES:
                return new BcPKCS12MacCalculatorBuilder(new SHA1Digest(),
                        new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1, DERNull.INSTANCE))
                        .setIterationCount(LEGACY_MAC_ITERATIONS);
            case MODERN_2023:
                return new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
                        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE))
                        .setIterationCount(MODERN_MAC_ITERATIONS);
            default:
                return new BcPKCS12PBMac1CalculatorBuilder(pbmac1Parameters());
        }
    }

    /**
     * PBMAC1 (RFC 9579) with PBKDF2-HMAC-SHA-256 deriving a 32-byte key for HMAC-SHA-256.
     *
     * <p>NOTE: only BouncyCastle reads this MAC in the tests. JDK 17 and OpenSSL before 3.4 cannot
     * read PBMAC1, so interoperability with other readers is untested.
     */
    private static PBMAC1Params pbmac1Parameters() {
        byte[] salt = new byte[MODERN_SALT_BYTES];
        RANDOM.nextBytes(salt);
        AlgorithmIdentifier hmacSha256 = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
        PBKDF2Params kdf = new PBKDF2Params(salt, MODERN_MAC_ITERATIONS, HMAC_SHA256_KEY_BYTES, hmacSha256);
        return new PBMAC1Params(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBKDF2, kdf), hmacSha256);
    }

    private static OutputEncryptor tripleDes(char[] password) {
        return new BcPKCS12PBEOutputEncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC,
                CBCBlockCipher.newInstance(new DESedeEngine())).setIterationCount(ENCRYPTION_ITERATIONS).build(password);
    }

    private static OutputEncryptor pbes2(char[] password) throws OperatorCreationException {
        PBKDF2Config kdf = new PBKDF2Config.Builder()
                .withIterationCount(ENCRYPTION_ITERATIONS)
                .withPRF(PBKDF2Config.PRF_SHA256)
                .withSaltLength(MODERN_SALT_BYTES)
                .build();
        return new JcePKCSPBEOutputEncryptorBuilder(kdf, NISTObjectIdentifiers.id_aes256_CBC)
                .setProvider(PROVIDER)
                .build(password);
    }
}
