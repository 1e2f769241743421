package io.certwright.core.certificates.secrets;

import io.certwright.api.model.Certificate;
import io.certwright.api.model.JKSKeystore;
import io.certwright.api.model.PKCS12Keystore;
import io.certwright.api.model.SecretKeySelector;
import io.certwright.core.cluster.Cluster;
import io.certwright.core.cluster.ResourceKind;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Resolves the passwords of the keystores in {@code spec.keystores}: from the key named by
 * {@code passwordSecretRef} in a Secret of the Certificate's namespace, or from the literal
 * {@code password}. A reference with a name wins over a literal.
 */
public final class KeystorePasswords {

    /** Warning event reason for a password Secret that does not exist. */
    public static final String SECRET_NOT_FOUND_REASON = "KeystorePasswordSecretNotFound";

    /** Reads one Secret; empty when it does not exist. */
    @FunctionalInterface
    public interface SecretLookup {
        Optional<Secret> get(String namespace, String name);
    }

    private final SecretLookup lookup;

    public KeystorePasswords(SecretLookup lookup) {
        this.lookup = lookup;
    }

    /** Returns a resolver that reads password Secrets through {@code cluster}. */
    public static KeystorePasswords from(Cluster cluster) {
        return new KeystorePasswords((namespace, name) -> cluster.get(ResourceKind.SECRET, namespace, name));
    }

    /** Resolves the password of {@code spec.keystores.pkcs12}. */
    public char[] pkcs12(Certificate certificate) throws KeystorePasswordException {
        PKCS12Keystore pkcs12 = certificate.getSpec().getKeystores().getPkcs12();
        return resolve(certificate, "PKCS12", "spec.keystores.pkcs12", pkcs12.getPasswordSecretRef(), pkcs12.getPassword());
    }

    /** Resolves the password of {@code spec.keystores.jks}. */
    public char[] jks(Certificate certificate) throws KeystorePasswordException {
        JKSKeystore jks = certificate.getSpec().getKeystores().getJks();
        return resolve(certificate, "JKS", "spec.keystores.jks", jks.getPasswordSecretRef(), jks.getPassword());
    }

    private char[] resolve(Certificate certificate, String store, String field, SecretKeySelector ref, String literal)
            throws KeystorePasswordException {
        String namespace = certificate.getMetadata().getNamespace();
        if (ref != null && ref.getName() != null && !ref.getName().isEmpty()) {
            Optional<Secret> secret = lookup.get(namespace, ref.getName());
            if (secret.isEmpty()) {
                throw new KeystorePasswordException(store + " keystore password Secret " + namespace + "/" + ref.getName()
                        + " not found: create it or correct " + field + ".passwordSecretRef.name", true,
                        store + " keystore password Secret \"" + ref.getName() + "\" not found");
            }
            byte[] password = SecretData.get(secret.get(), ref.getKey() == null ? "" : ref.getKey());
            if (password.length == 0) {
                throw new KeystorePasswordException(store + " keystore password Secret " + namespace + "/" + ref.getName()
                        + " contains no data for key \"" + ref.getKey() + "\": set that key or correct "
                        + field + ".passwordSecretRef.key", false, null);
            }
            return decodeUtf8(password);
        }
        if (literal != null) {
            if (literal.isEmpty()) {
                throw new KeystorePasswordException(store + " literal password cannot be empty: set " + field + ".password", false, null);
            }
            return literal.toCharArray();
        }
        throw new KeystorePasswordException("either passwordSecretRef or password must be set for " + store
                + " keystore: set " + field + ".passwordSecretRef or " + field + ".password", false, null);
    }

    private static char[] decodeUtf8(byte[] bytes) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] password = new char[chars.remaining()];
        chars.get(password);
        return password;
    }
}
