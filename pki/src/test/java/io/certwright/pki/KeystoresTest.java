package io.certwright.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilderProvider;
import org.bouncycastle.pkcs.bc.BcPKCS12PBMac1CalculatorBuilderProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeystoresTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private static TestPki.Issued leaf;
    private static X509Certificate intermediate;
    private static X509Certificate root;

    @BeforeAll
    static void mintChain() throws PkiException {
        TestPki.Issued rootCa = TestPki.selfSignedCa("Root", TestPki.ecKey(0));
        TestPki.Issued intermediateCa = TestPki.intermediate("Intermediate", TestPki.ecKey(1), rootCa);
        leaf = TestPki.leaf("leaf.example.com", TestPki.ecKey(2), intermediateCa);
        intermediate = intermediateCa.certificate();
        root = rootCa.certificate();
    }

    private static byte[] keystore(Pkcs12Profile profile) {
        return Keystores.pkcs12Keystore(leaf.key().getPrivate(), List.of(leaf.certificate(), intermediate),
                List.of(root), PASSWORD, profile);
    }

    private static KeyStore openWithJdk(byte[] bytes, String type) throws Exception {
        KeyStore store = KeyStore.getInstance(type);
        store.load(new ByteArrayInputStream(bytes), PASSWORD);
        return store;
    }

    @ParameterizedTest(name = "{0} keystore opens with the JDK")
    @EnumSource(value = Pkcs12Profile.class, names = {"LEGACY_RC2", "LEGACY_DES", "MODERN_2023"})
    void pkcs12KeystoreOpensWithJdk(Pkcs12Profile profile) throws Exception {
        KeyStore store = openWithJdk(keystore(profile), "PKCS12");

        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        assertThat(keyAliases).hasSize(1);
        String alias = keyAliases.get(0);
        assertThat(store.getKey(alias, PASSWORD).getEncoded()).isEqualTo(leaf.key().getPrivate().getEncoded());
        assertThat(store.getCertificate(alias)).isEqualTo(leaf.certificate());
    }

    @ParameterizedTest(name = "{0} truststore opens with the JDK")
    @EnumSource(value = Pkcs12Profile.class, names = {"LEGACY_RC2", "LEGACY_DES", "MODERN_2023"})
    void pkcs12TruststoreOpensWithJdk(Pkcs12Profile profile) throws Exception {
        KeyStore store = openWithJdk(Keystores.pkcs12Truststore(List.of(root, intermediate), PASSWORD, profile), "PKCS12");

        assertThat(Collections.list(store.aliases())).containsExactlyInAnyOrder("ca", "ca-1");
        assertThat(store.getCertificate("ca")).isEqualTo(root);
        assertThat(store.isCertificateEntry("ca-1")).isTrue();
    }

    @ParameterizedTest(name = "{0} keystore opens with openssl")
    @EnumSource(Pkcs12Profile.class)
    void pkcs12KeystoreOpensWithOpenssl(Pkcs12Profile profile, @TempDir Path directory) throws Exception {
        assumeTrue(TestPki.opensslAvailable(), "openssl is not installed");
        // OpenSSL reads PBMAC1 from version 3.4 on.
        assumeTrue(profile != Pkcs12Profile.MODERN_2026 || opensslReadsPbmac1(), "openssl is older than 3.4");
        Path file = directory.resolve("keystore.p12");
        Files.write(file, keystore(profile));
        List<String> command = new ArrayList<>(List.of("openssl", "pkcs12", "-info", "-noout", "-passin", "pass:changeit",
                "-in", file.toString()));
        if (profile == Pkcs12Profile.LEGACY_RC2) {
            command.add("-legacy");
        }

        TestPki.ProcessResult result = TestPki.run(command, directory);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("MAC:");
    }

    private static boolean opensslReadsPbmac1() throws Exception {
        String version = TestPki.run(List.of("openssl", "version"), null).output();
        String[] parts = version.split(" ")[1].split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major > 3 || (major == 3 && minor >= 4);
    }

    @ParameterizedTest(name = "{0} uses its MAC and encryption algorithms")
    @EnumSource(Pkcs12Profile.class)
    void pkcs12UsesProfileAlgorithms(Pkcs12Profile profile) throws Exception {
        PKCS12PfxPdu pfx = new PKCS12PfxPdu(keystore(profile));

        boolean pbmac1 = profile == Pkcs12Profile.MODERN_2026;
        assertThat(pfx.getMacAlgorithmID().getAlgorithm())
                .isEqualTo(pbmac1 ? PKCSObjectIdentifiers.id_PBMAC1
                        : profile == Pkcs12Profile.MODERN_2023 ? NISTObjectIdentifiers.id_sha256
                        : org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1);
        assertThat(pfx.isMacValid(pbmac1 ? new BcPKCS12PBMac1CalculatorBuilderProvider()
                : new BcPKCS12MacCalculatorBuilderProvider(org.bouncycastle.operator.bc.BcDefaultDigestProvider.INSTANCE), PASSWORD)).isTrue();

        ContentInfo certificates = pfx.getContentInfos()[0];
        assertThat(certificates.getContentType()).isEqualTo(PKCSObjectIdentifiers.encryptedData);
        org.bouncycastle.asn1.pkcs.EncryptedData encrypted =
                org.bouncycastle.asn1.pkcs.EncryptedData.getInstance(certificates.getContent());
        assertThat(encrypted.getEncryptionAlgorithm().getAlgorithm())
                .isEqualTo(switch (profile) {
                    case LEGACY_RC2 -> PKCSObjectIdentifiers.pbeWithSHAAnd40BitRC2_CBC;
                    case LEGACY_DES -> PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC;
                    default -> PKCSObjectIdentifiers.id_PBES2;
                });
    }

    @Test
    void modern2026KeystoreOpensWithBouncyCastle() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12", new org.bouncycastle.jce.provider.BouncyCastleProvider());
        store.load(new ByteArrayInputStream(keystore(Pkcs12Profile.MODERN_2026)), PASSWORD);

        List<String> aliases = Collections.list(store.aliases());
        String keyAlias = aliases.stream().filter(a -> {
            try {
                return store.isKeyEntry(a);
            } catch (java.security.KeyStoreException e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(store.getCertificate(keyAlias)).isEqualTo(leaf.certificate());
    }

    @Test
    void pkcs12KeystoreCarriesIntermediatesWithoutCas() throws Exception {
        byte[] bytes = Keystores.pkcs12Keystore(leaf.key().getPrivate(), List.of(leaf.certificate(), intermediate),
                List.of(), PASSWORD, Pkcs12Profile.MODERN_2023);

        KeyStore store = openWithJdk(bytes, "PKCS12");

        String alias = Collections.list(store.aliases()).get(0);
        Certificate[] chain = store.getCertificateChain(alias);
        assertThat(chain).containsExactly(leaf.certificate(), intermediate);
    }

    @Test
    void jksKeystoreHasKeyChainAndCaEntries() throws Exception {
        byte[] bytes = Keystores.jksKeystore(leaf.key().getPrivate(), List.of(leaf.certificate(), intermediate),
                List.of(root, intermediate), PASSWORD, null);

        KeyStore store = openWithJdk(bytes, "JKS");

        assertThat(Collections.list(store.aliases())).containsExactlyInAnyOrder("certificate", "ca", "ca-1");
        assertThat(store.getKey("certificate", PASSWORD).getEncoded()).isEqualTo(leaf.key().getPrivate().getEncoded());
        assertThat(store.getCertificateChain("certificate")).containsExactly(leaf.certificate(), intermediate);
        assertThat(store.getCertificate("ca")).isEqualTo(root);
    }

    @Test
    void jksKeystoreUsesConfiguredAlias() throws Exception {
        byte[] bytes = Keystores.jksKeystore(leaf.key().getPrivate(), List.of(leaf.certificate()), List.of(), PASSWORD, "web");

        assertThat(Collections.list(openWithJdk(bytes, "JKS").aliases())).containsExactly("web");
    }

    @Test
    void jksStoresOpenWithKeytool(@TempDir Path directory) throws Exception {
        Path keystore = directory.resolve("keystore.jks");
        Path truststore = directory.resolve("truststore.jks");
        Files.write(keystore, Keystores.jksKeystore(leaf.key().getPrivate(), List.of(leaf.certificate(), intermediate),
                List.of(root), PASSWORD, null));
        Files.write(truststore, Keystores.jksTruststore(List.of(root), PASSWORD));
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();

        TestPki.ProcessResult keystoreList = TestPki.run(List.of(keytool, "-list", "-keystore", keystore.toString(),
                "-storepass", "changeit", "-storetype", "JKS"), directory);
        TestPki.ProcessResult truststoreList = TestPki.run(List.of(keytool, "-list", "-keystore", truststore.toString(),
                "-storepass", "changeit", "-storetype", "JKS"), directory);

        assertThat(keystoreList.exitCode()).as(keystoreList.output()).isZero();
        assertThat(keystoreList.output()).contains("certificate, ").contains("PrivateKeyEntry").contains("ca, ");
        assertThat(truststoreList.exitCode()).as(truststoreList.output()).isZero();
        assertThat(truststoreList.output()).contains("ca, ").contains("trustedCertEntry");
    }

    @Test
    void profileNamesFollowSpec() {
        assertThat(Pkcs12Profile.fromSpec("LegacyRC2")).isEqualTo(Pkcs12Profile.LEGACY_RC2);
        assertThat(Pkcs12Profile.fromSpec("LegacyDES")).isEqualTo(Pkcs12Profile.LEGACY_DES);
        assertThat(Pkcs12Profile.fromSpec("Modern2023")).isEqualTo(Pkcs12Profile.MODERN_2023);
        assertThat(Pkcs12Profile.fromSpec("Modern2026")).isEqualTo(Pkcs12Profile.MODERN_2026);
        assertThat(Pkcs12Profile.fromSpec("")).isEqualTo(Pkcs12Profile.LEGACY_RC2);
        assertThat(Pkcs12Profile.fromSpec(null)).isEqualTo(Pkcs12Profile.LEGACY_RC2);
        assertThat(Pkcs12Profile.fromSpec("modern2023")).isEqualTo(Pkcs12Profile.LEGACY_RC2);
    }
}
