package io.certwright.acme.dns01;

/**
 * Reads the credentials a DNS-01 provider refers to, from the namespace cert-manager reads them from:
 * the cluster resource namespace for a ClusterIssuer, else the Challenge's namespace.
 */
public interface SecretReader {

    /**
     * Returns the decoded value of {@code key} in the Secret {@code name}.
     *
     * @param field the solver field that refers to the Secret, for the error message, such as
     *     {@code dns01.rfc2136.tsigSecretSecretRef}
     * @throws Dns01Exception naming the Secret, the key and the field when the Secret or the key is missing
     */
    byte[] read(String name, String key, String field) throws Dns01Exception;
}
