package io.certwright.api.validation;

import io.certwright.api.model.ACMEChallengeSolver;
import io.certwright.api.model.ACMEExternalAccountBinding;
import io.certwright.api.model.ACMEIssuer;
import io.certwright.api.model.CAIssuer;
import io.certwright.api.model.CertManagerResource;
import io.certwright.api.model.IssuerSpec;
import io.certwright.api.model.IssuerStatus;
import io.certwright.api.model.SecretKeySelector;
import io.certwright.api.model.VaultAuth;
import io.certwright.api.model.VaultIssuer;
import io.certwright.api.model.VenafiIssuer;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Admission rules for an Issuer or ClusterIssuer spec: exactly one issuer type, then the field
 * rules of that type (CA, Vault, Venafi, ACME with its solvers). Field paths and messages are the
 * cert-manager webhook's, including its field names where they differ from the JSON names.
 */
public final class IssuerValidator {
    static final String DEPRECATED_EAB_KEY_ALGORITHM_WARNING = "ACME issuer spec field "
            + "'externalAccount.keyAlgorithm' is deprecated. The value of this field will be ignored.";
    private static final String MORE_THAN_ONE_TYPE = "may not specify more than one issuer type";
    private static final String DOT_DOT_SEGMENT = "must not contain '..' path segments";

    private IssuerValidator() {
    }

    /** Validates an Issuer or ClusterIssuer; both share the spec rules. */
    public static ValidationResult validate(CertManagerResource<IssuerSpec, IssuerStatus> issuer) {
        return validateSpec(issuer.getSpec(), "spec");
    }

    /** Validates an issuer spec whose fields live under {@code path}. */
    public static ValidationResult validateSpec(IssuerSpec spec, String path) {
        List<FieldError> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        IssuerSpec s = spec == null ? new IssuerSpec() : spec;
        int configured = 0;
        if (s.getAcme() != null) {
            configured++;
            validateAcme(s.getAcme(), path + ".acme", errors, warnings);
        }
        if (s.getCa() != null) {
            if (configured++ > 0) {
                errors.add(FieldError.forbidden(path + ".ca", MORE_THAN_ONE_TYPE));
            } else {
                validateCa(s.getCa(), path + ".ca", errors);
            }
        }
        if (s.getSelfSigned() != null && configured++ > 0) {
            errors.add(FieldError.forbidden(path + ".selfSigned", MORE_THAN_ONE_TYPE));
        }
        if (s.getVault() != null) {
            if (configured++ > 0) {
                errors.add(FieldError.forbidden(path + ".vault", MORE_THAN_ONE_TYPE));
            } else {
                validateVault(s.getVault(), path + ".vault", errors);
            }
        }
        if (s.getVenafi() != null) {
            if (configured++ > 0) {
                errors.add(FieldError.forbidden(path + ".venafi", MORE_THAN_ONE_TYPE));
            } else {
                validateVenafi(s.getVenafi(), path + ".venafi", errors);
            }
        }
        if (configured == 0) {
            errors.add(FieldError.required(path, "at least one issuer must be configured"));
        }
        return new ValidationResult(errors, warnings);
    }

    private static void validateCa(CAIssuer ca, String path, List<FieldError> errors) {
        if (isEmpty(ca.getSecretName())) {
            errors.add(FieldError.required(path + ".secretName", ""));
        }
        if (ca.getOcspServers() != null) {
            for (int i = 0; i < ca.getOcspServers().size(); i++) {
                if (isEmpty(ca.getOcspServers().get(i))) {
                    // cert-manager reports this under "ocspServer", singular, unlike the JSON field name.
                    errors.add(FieldError.invalid(path + ".ocspServer[" + i + "]", "",
                            "must be a valid URL, e.g., http://ocsp.int-x3.letsencrypt.org"));
                }
            }
        }
        if (ca.getIssuingCertificateURLs() != null) {
            for (int i = 0; i < ca.getIssuingCertificateURLs().size(); i++) {
                if (isEmpty(ca.getIssuingCertificateURLs().get(i))) {
                    errors.add(FieldError.invalid(path + ".issuingCertificateURLs[" + i + "]", "", "must be a valid URL"));
                }
            }
        }
    }

    private static void validateVault(VaultIssuer vault, String path, List<FieldError> errors) {
        if (isEmpty(vault.getServer())) {
            errors.add(FieldError.required(path + ".server", ""));
        }
        if (isEmpty(vault.getPath())) {
            errors.add(FieldError.required(path + ".path", ""));
        } else if (containsDotDotSegment(vault.getPath())) {
            errors.add(FieldError.invalid(path + ".path", vault.getPath(), DOT_DOT_SEGMENT));
        }
        byte[] caBundle = vault.getCaBundle();
        if (caBundle != null && caBundle.length > 0 && !containsCertificate(caBundle)) {
            errors.add(FieldError.invalid(path + ".caBundle", "<snip>", "cert bundle didn't contain any valid certificates"));
        }
        if (caBundle != null && caBundle.length > 0 && vault.getCaBundleSecretRef() != null) {
            errors.add(FieldError.invalid(path + ".caBundle", "<snip>",
                    "specified caBundle and caBundleSecretRef cannot be used together"));
            errors.add(FieldError.invalid(path + ".caBundleSecretRef", nullToEmpty(vault.getCaBundleSecretRef().getName()),
                    "specified caBundleSecretRef and caBundle cannot be used together"));
        }
        if (vault.getClientCertSecretRef() != null && vault.getClientKeySecretRef() == null) {
            errors.add(FieldError.invalid(path + ".clientKeySecretRef", "<snip>",
                    "clientKeySecretRef must be provided when defining the clientCertSecretRef"));
        } else if (vault.getClientCertSecretRef() == null && vault.getClientKeySecretRef() != null) {
            errors.add(FieldError.invalid(path + ".clientCertSecretRef", "<snip>",
                    "clientCertSecretRef must be provided when defining the clientKeySecretRef"));
        }
        validateVaultAuth(vault.getAuth() == null ? new VaultAuth() : vault.getAuth(), path + ".auth", errors);
    }

    private static void validateVaultAuth(VaultAuth auth, String path, List<FieldError> errors) {
        int methods = 0;
        if (auth.getTokenSecretRef() != null) {
            methods++;
        }
        if (auth.getAppRole() != null) {
            methods++;
            if (isEmpty(auth.getAppRole().getRoleId())) {
                errors.add(FieldError.required(path + ".appRole.roleId", ""));
            }
            if (auth.getAppRole().getSecretRef() == null || isEmpty(auth.getAppRole().getSecretRef().getName())) {
                errors.add(FieldError.required(path + ".appRole.secretRef.name", ""));
            }
            if (containsDotDotSegment(auth.getAppRole().getPath())) {
                errors.add(FieldError.invalid(path + ".appRole.path", auth.getAppRole().getPath(), DOT_DOT_SEGMENT));
            }
        }
        if (auth.getClientCertificate() != null) {
            methods++;
            String mountPath = auth.getClientCertificate().getMountPath();
            if (containsDotDotSegment(mountPath)) {
                errors.add(FieldError.invalid(path + ".clientCertificate.path", mountPath, DOT_DOT_SEGMENT));
            }
        }
        if (auth.getKubernetes() != null) {
            methods++;
            var kubernetes = auth.getKubernetes();
            if (isEmpty(kubernetes.getRole())) {
                errors.add(FieldError.required(path + ".kubernetes.role", ""));
            }
            if (containsDotDotSegment(kubernetes.getMountPath())) {
                errors.add(FieldError.invalid(path + ".kubernetes.path", kubernetes.getMountPath(), DOT_DOT_SEGMENT));
            }
            int sources = 0;
            if (kubernetes.getSecretRef() != null && !isEmpty(kubernetes.getSecretRef().getName())) {
                sources++;
            }
            if (kubernetes.getServiceAccountRef() != null) {
                sources++;
                if (isEmpty(kubernetes.getServiceAccountRef().getName())) {
                    errors.add(FieldError.required(path + ".kubernetes.serviceAccountRef.name", ""));
                }
            }
            if (sources == 0) {
                errors.add(FieldError.required(path + ".kubernetes", "please supply one of: secretRef, serviceAccountRef"));
            }
            if (sources > 1) {
                errors.add(FieldError.forbidden(path + ".kubernetes", "please supply one of: secretRef, serviceAccountRef"));
            }
        }
        if (auth.getAws() != null) {
            methods++;
            var aws = auth.getAws();
            if (isEmpty(aws.getRole())) {
                errors.add(FieldError.required(path + ".aws.role", ""));
            }
            if (containsDotDotSegment(aws.getMountPath())) {
                errors.add(FieldError.invalid(path + ".aws.mountPath", aws.getMountPath(), DOT_DOT_SEGMENT));
            }
            if (aws.getServiceAccountRef() != null) {
                if (isEmpty(aws.getServiceAccountRef().getName())) {
                    errors.add(FieldError.required(path + ".aws.serviceAccountRef.name", ""));
                }
                if (isEmpty(aws.getIamRoleArn())) {
                    errors.add(FieldError.required(path + ".aws.iamRoleArn",
                            "iamRoleArn is required when using serviceAccountRef for IRSA"));
                }
            }
        }
        if (methods == 0) {
            errors.add(FieldError.required(path,
                    "please supply one of: appRole, kubernetes, tokenSecretRef, clientCertificate, aws"));
        }
    }

    private static void validateVenafi(VenafiIssuer venafi, String path, List<FieldError> errors) {
        if (isEmpty(venafi.getZone())) {
            errors.add(FieldError.required(path + ".zone", ""));
        }
        int connections = 0;
        if (venafi.getTpp() != null) {
            connections++;
            if (isEmpty(venafi.getTpp().getUrl())) {
                errors.add(FieldError.required(path + ".tpp.url", ""));
            }
            byte[] caBundle = venafi.getTpp().getCaBundle();
            if (caBundle != null && caBundle.length > 0 && venafi.getTpp().getCaBundleSecretRef() != null) {
                errors.add(FieldError.forbidden(path + ".tpp",
                        "may not specify more than one of caBundle/caBundleSecretRef as TPP CA Bundle"));
            }
        }
        if (venafi.getCloud() != null) {
            connections++;
        }
        if (venafi.getNgts() != null) {
            connections++;
            if (isEmpty(venafi.getNgts().getTsgID())) {
                errors.add(FieldError.required(path + ".ngts.tsgID", ""));
            }
            if (venafi.getNgts().getCredentialsRef() == null || isEmpty(venafi.getNgts().getCredentialsRef().getName())) {
                errors.add(FieldError.required(path + ".ngts.credentialsRef.name", ""));
            }
        }
        if (connections == 0) {
            errors.add(FieldError.required(path, "please supply one of: tpp, cloud, ngts"));
        }
        if (connections > 1) {
            errors.add(FieldError.forbidden(path, "please supply one of: tpp, cloud, ngts"));
        }
    }

    private static void validateAcme(ACMEIssuer acme, String path, List<FieldError> errors, List<String> warnings) {
        byte[] caBundle = acme.getCaBundle();
        boolean hasCaBundle = caBundle != null && caBundle.length > 0;
        if (hasCaBundle && Boolean.TRUE.equals(acme.getSkipTLSVerify())) {
            String message = "caBundle and skipTLSVerify are mutually exclusive and cannot both be set";
            errors.add(FieldError.invalid(path + ".caBundle", "", message));
            errors.add(FieldError.invalid(path + ".skipTLSVerify", true, message));
        }
        if (hasCaBundle && !containsCertificate(caBundle)) {
            errors.add(FieldError.invalid(path + ".caBundle", "", "cert bundle didn't contain any valid certificates"));
        }
        if (acme.getPrivateKeySecretRef() == null || isEmpty(acme.getPrivateKeySecretRef().getName())) {
            errors.add(FieldError.required(path + ".privateKeySecretRef.name", "private key secret name is a required field"));
        }
        if (isEmpty(acme.getServer())) {
            errors.add(FieldError.required(path + ".server", "acme server URL is a required field"));
        }
        ACMEExternalAccountBinding eab = acme.getExternalAccountBinding();
        if (eab != null) {
            String eabPath = path + ".externalAccountBinding";
            if (isEmpty(eab.getKeyID())) {
                errors.add(FieldError.required(eabPath + ".keyID",
                        "the keyID field is required when using externalAccountBinding"));
            }
            errors.addAll(AcmeSolverValidator.secretKeySelector(eab.getKeySecretRef(), eabPath + ".keySecretRef"));
            if (!isEmpty(eab.getKeyAlgorithm())) {
                warnings.add(DEPRECATED_EAB_KEY_ALGORITHM_WARNING);
            }
        }
        if (acme.getSolvers() != null) {
            for (int i = 0; i < acme.getSolvers().size(); i++) {
                ACMEChallengeSolver solver = acme.getSolvers().get(i);
                String solverPath = path + ".solvers[" + i + "]";
                errors.addAll(AcmeSolverValidator.validate(solver == null ? new ACMEChallengeSolver() : solver, solverPath));
            }
        }
    }

    /** Parses duration-valued solver fields; shared with the solver checks. */
    static Duration parseDuration(String text, String field, List<FieldError> errors) {
        return CertificateValidator.parseDuration(text, field, errors);
    }

    /** Returns whether the bytes hold at least one parseable PEM certificate, as Go's AppendCertsFromPEM requires. */
    static boolean containsCertificate(byte[] pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return !factory.generateCertificates(new ByteArrayInputStream(pem)).isEmpty();
        } catch (CertificateException | RuntimeException e) {
            return false;
        }
    }

    static boolean containsDotDotSegment(String path) {
        return path != null && Arrays.asList(path.split("/", -1)).contains("..");
    }

    static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static SecretKeySelector orEmpty(SecretKeySelector selector) {
        return selector == null ? new SecretKeySelector() : selector;
    }
}
