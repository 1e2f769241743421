package io.certwright.api.validation;

import io.certwright.api.Annotations;
import io.certwright.api.Defaults;
import io.certwright.api.GoDuration;
import io.certwright.api.KeyUsages;
import io.certwright.api.model.Certificate;
import io.certwright.api.model.CertificateAdditionalOutputFormat;
import io.certwright.api.model.CertificateKeystores;
import io.certwright.api.model.CertificatePrivateKey;
import io.certwright.api.model.CertificateRenewal;
import io.certwright.api.model.CertificateRenewalWindow;
import io.certwright.api.model.CertificateSecretTemplate;
import io.certwright.api.model.CertificateSpec;
import io.certwright.api.model.NameConstraintItem;
import io.certwright.api.model.NameConstraints;
import io.certwright.api.model.OtherName;
import io.certwright.api.model.SecretKeySelector;
import io.certwright.api.model.X509Subject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Admission rules for a Certificate: the cert-manager webhook's checks plus the enum and pattern
 * rules of the CRD schema that the model cannot enforce by type. All problems are returned at
 * once, in the webhook's order, with the webhook's field paths and messages.
 *
 * <p>The feature gates LiteralCertificateSubject, OtherNames and NameConstraints are treated as
 * enabled, their default.
 */
public final class CertificateValidator {
    public static final int MAX_COMMON_NAME_BYTES = 64;
    public static final int MIN_RSA_KEY_SIZE = 2048;
    public static final int MAX_RSA_KEY_SIZE = 8192;

    static final List<String> RSA_SIGNATURE_ALGORITHMS = List.of("SHA256WithRSA", "SHA384WithRSA", "SHA512WithRSA");
    static final List<String> ECDSA_SIGNATURE_ALGORITHMS = List.of("ECDSAWithSHA256", "ECDSAWithSHA384", "ECDSAWithSHA512");
    static final List<String> ED25519_SIGNATURE_ALGORITHMS = List.of("PureEd25519");
    private static final Map<String, List<String>> SIGNATURE_ALGORITHMS_BY_KEY_ALGORITHM = Map.of(
            Defaults.ALGORITHM_RSA, RSA_SIGNATURE_ALGORITHMS,
            Defaults.ALGORITHM_ECDSA, ECDSA_SIGNATURE_ALGORITHMS,
            Defaults.ALGORITHM_ED25519, ED25519_SIGNATURE_ALGORITHMS);
    private static final List<String> SIGNATURE_ALGORITHMS = List.of("SHA256WithRSA", "SHA384WithRSA", "SHA512WithRSA",
            "ECDSAWithSHA256", "ECDSAWithSHA384", "ECDSAWithSHA512", "PureEd25519");
    private static final List<String> ROTATION_POLICIES = List.of(Defaults.ROTATION_POLICY_NEVER,
            Defaults.ROTATION_POLICY_ALWAYS);
    private static final List<String> ENCODINGS = List.of(Defaults.ENCODING_PKCS1, Defaults.ENCODING_PKCS8);
    private static final List<String> OUTPUT_FORMATS = List.of("DER", "CombinedPEM");
    static final String RENEWAL_POLICY_RENEW_BEFORE = "RenewBefore";
    static final String RENEWAL_POLICY_DISABLED = "Disabled";
    private static final String WINDOW_DURATION_FORMAT = "^([0-9]+(\\.[0-9]+)?(s|m|h))+$";
    private static final Pattern WINDOW_DURATION = Pattern.compile(WINDOW_DURATION_FORMAT);

    private CertificateValidator() {
    }

    /** Validates a Certificate as the API server and webhook would on create or update. */
    public static ValidationResult validate(Certificate certificate) {
        CertificateSpec spec = certificate.getSpec();
        if (spec == null) {
            List<FieldError> errors = new ArrayList<>();
            errors.add(FieldError.required("spec.secretName", "must be specified"));
            errors.add(FieldError.required("spec.issuerRef.name", "must be specified"));
            return ValidationResult.of(errors);
        }
        return ValidationResult.of(validateSpec(spec, "spec"));
    }

    /** Validates a Certificate spec whose fields live under {@code path} (normally {@code spec}). */
    public static List<FieldError> validateSpec(CertificateSpec spec, String path) {
        List<FieldError> errors = new ArrayList<>();

        String secretName = spec.getSecretName();
        if (isEmpty(secretName)) {
            errors.add(FieldError.required(path + ".secretName", "must be specified"));
        } else {
            for (String problem : KubernetesNames.dns1123SubdomainProblems(secretName)) {
                errors.add(FieldError.invalid(path + ".secretName", secretName, problem));
            }
        }

        errors.addAll(IssuerReferences.validate(spec.getIssuerRef(), path));

        String commonName = validateSubject(spec, path, errors);

        if (isEmpty(commonName) && isEmpty(spec.getDnsNames()) && isEmpty(spec.getUris())
                && isEmpty(spec.getEmailAddresses()) && isEmpty(spec.getIpAddresses()) && isEmpty(spec.getOtherNames())) {
            errors.add(FieldError.invalid(path, "", "at least one of commonName (from the commonName field or from a "
                    + "literalSubject), dnsNames, emailSANs, ipAddresses, otherNames, or uriSANs must be set"));
        }
        if (commonName != null && commonName.getBytes(StandardCharsets.UTF_8).length > MAX_COMMON_NAME_BYTES) {
            errors.add(FieldError.tooLong(path + ".commonName", commonName, MAX_COMMON_NAME_BYTES));
        }

        validateIpAddresses(spec.getIpAddresses(), path, errors);
        validateEmailAddresses(spec.getEmailAddresses(), path, errors);
        validateOtherNames(spec.getOtherNames(), path, errors);
        validatePrivateKey(spec.getPrivateKey(), path, errors);
        validateSignatureAlgorithm(spec, path, errors);
        if (spec.getDuration() != null || spec.getRenewBefore() != null) {
            validateDurations(spec, path, errors);
        }
        validateUsages(spec.getUsages(), path, errors);
        if (spec.getRevisionHistoryLimit() != null && spec.getRevisionHistoryLimit() < 1) {
            errors.add(FieldError.invalid(path + ".revisionHistoryLimit", spec.getRevisionHistoryLimit(),
                    "must not be less than 1"));
        }
        validateSecretTemplate(spec.getSecretTemplate(), path, errors);
        if (spec.getNameConstraints() != null) {
            validateNameConstraints(spec, path, errors);
        }
        validateAdditionalOutputFormats(spec.getAdditionalOutputFormats(), path, errors);
        if (spec.getKeystores() != null) {
            validateKeystores(spec.getKeystores(), path, errors);
        }
        if (spec.getRenewal() != null) {
            validateRenewal(spec.getRenewal(), path, errors);
        }
        return errors;
    }

    /** Checks commonName, subject and literalSubject; returns the effective common name. */
    private static String validateSubject(CertificateSpec spec, String path, List<FieldError> errors) {
        String commonName = spec.getCommonName();
        String literalSubject = spec.getLiteralSubject();
        if (isEmpty(literalSubject)) {
            return commonName;
        }
        if (!isEmpty(commonName)) {
            errors.add(FieldError.invalid(path + ".commonName", commonName,
                    "When providing a `LiteralSubject` no `commonName` may be provided."));
        }
        if (hasSubjectFields(spec.getSubject())) {
            errors.add(FieldError.invalid(path + ".subject", spec.getSubject(),
                    "When providing a `LiteralSubject` no `Subject` properties may be provided."));
        }

        List<List<LiteralSubject.Attribute>> rdns;
        try {
            rdns = LiteralSubject.parse(literalSubject);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.invalid(path + ".literalSubject", literalSubject, e.getMessage()));
            return commonName;
        }
        for (List<LiteralSubject.Attribute> rdn : rdns) {
            for (LiteralSubject.Attribute attribute : rdn) {
                if (LiteralSubject.COMMON_NAME_OID.equals(attribute.oid())) {
                    commonName = attribute.value();
                }
            }
        }
        for (List<LiteralSubject.Attribute> rdn : rdns) {
            for (LiteralSubject.Attribute attribute : rdn) {
                if (attribute.oid() == null) {
                    errors.add(FieldError.invalid(path + ".literalSubject", literalSubject,
                            "Literal subject contains unrecognized key with value [" + attribute.value() + "]"));
                }
            }
        }
        return commonName;
    }

    private static boolean hasSubjectFields(X509Subject subject) {
        return subject != null && (!isEmpty(subject.getOrganizations()) || !isEmpty(subject.getCountries())
                || !isEmpty(subject.getOrganizationalUnits()) || !isEmpty(subject.getLocalities())
                || !isEmpty(subject.getProvinces()) || !isEmpty(subject.getStreetAddresses())
                || !isEmpty(subject.getPostalCodes()) || !isEmpty(subject.getSerialNumber()));
    }

    private static void validateIpAddresses(List<String> addresses, String path, List<FieldError> errors) {
        if (addresses == null) {
            return;
        }
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i);
            if (IpAddresses.parse(address).isEmpty()) {
                errors.add(FieldError.invalid(path + ".ipAddresses[" + i + "]", address, "invalid IP address"));
            }
        }
    }

    private static void validateEmailAddresses(List<String> addresses, String path, List<FieldError> errors) {
        if (addresses == null) {
            return;
        }
        for (int i = 0; i < addresses.size(); i++) {
            String address = addresses.get(i) == null ? "" : addresses.get(i);
            Optional<String> problem = EmailAddresses.problem(address);
            if (problem.isPresent()) {
                errors.add(FieldError.invalid(path + ".emailAddresses[" + i + "]", address, problem.get()));
            }
        }
    }

    private static void validateOtherNames(List<OtherName> otherNames, String path, List<FieldError> errors) {
        if (otherNames == null) {
            return;
        }
        for (int i = 0; i < otherNames.size(); i++) {
            OtherName otherName = otherNames.get(i);
            String oid = otherName == null || otherName.getOid() == null ? "" : otherName.getOid();
            String value = otherName == null ? null : otherName.getUtf8Value();
            String itemPath = path + ".otherNames[" + i + "]";
            if (oid.isEmpty()) {
                errors.add(FieldError.required(itemPath + ".oid", "must be specified"));
            }
            if (!Oids.isDottedDecimal(oid)) {
                errors.add(FieldError.invalid(itemPath + ".oid", oid, "invalid oid syntax"));
            }
            // Java strings cannot hold invalid UTF-8, because the YAML/JSON decoder already rejected or replaced it.
            if (isEmpty(value)) {
                errors.add(FieldError.required(itemPath + ".utf8Value", "must be set to a valid non-empty UTF8 string"));
            }
        }
    }

    private static void validatePrivateKey(CertificatePrivateKey key, String path, List<FieldError> errors) {
        if (key == null) {
            return;
        }
        String keyPath = path + ".privateKey";
        if (key.getRotationPolicy() != null && !ROTATION_POLICIES.contains(key.getRotationPolicy())) {
            errors.add(FieldError.notSupported(keyPath + ".rotationPolicy", key.getRotationPolicy(), ROTATION_POLICIES));
        }
        if (key.getEncoding() != null && !ENCODINGS.contains(key.getEncoding())) {
            errors.add(FieldError.notSupported(keyPath + ".encoding", key.getEncoding(), ENCODINGS));
        }
        int size = key.getSize() == null ? 0 : key.getSize();
        String algorithm = key.getAlgorithm() == null ? "" : key.getAlgorithm();
        switch (algorithm) {
            case "", Defaults.ALGORITHM_RSA -> {
                if (size > 0 && (size < MIN_RSA_KEY_SIZE || size > MAX_RSA_KEY_SIZE)) {
                    errors.add(FieldError.invalid(keyPath + ".size", size, "must be between " + MIN_RSA_KEY_SIZE
                            + " and " + MAX_RSA_KEY_SIZE + " for rsa keyAlgorithm"));
                }
            }
            case Defaults.ALGORITHM_ECDSA -> {
                if (size > 0 && size != 256 && size != 384 && size != 521) {
                    errors.add(FieldError.notSupported(keyPath + ".size", size, List.of("256", "384", "521")));
                }
            }
            case Defaults.ALGORITHM_ED25519 -> {
                // The size is ignored for Ed25519.
            }
            default -> errors.add(FieldError.invalid(keyPath + ".algorithm", algorithm,
                    "must be either empty or one of rsa, ecdsa or ed25519"));
        }
    }

    private static void validateSignatureAlgorithm(CertificateSpec spec, String path, List<FieldError> errors) {
        String signatureAlgorithm = spec.getSignatureAlgorithm();
        if (isEmpty(signatureAlgorithm)) {
            return;
        }
        if (!SIGNATURE_ALGORITHMS.contains(signatureAlgorithm)) {
            errors.add(FieldError.notSupported(path + ".signatureAlgorithm", signatureAlgorithm, SIGNATURE_ALGORITHMS));
            return;
        }
        CertificatePrivateKey key = spec.getPrivateKey();
        String keyAlgorithm = key == null || isEmpty(key.getAlgorithm()) ? Defaults.ALGORITHM_RSA : key.getAlgorithm();
        List<String> allowed = SIGNATURE_ALGORITHMS_BY_KEY_ALGORITHM.get(keyAlgorithm);
        if (allowed != null && !allowed.contains(signatureAlgorithm)) {
            errors.add(FieldError.invalid(path + ".signatureAlgorithm", signatureAlgorithm, "for key algorithm "
                    + keyAlgorithm + " the allowed signature algorithms are [" + String.join(" ", allowed) + "]"));
        }
    }

    /**
     * Checks duration, renewBefore and renewBeforePercentage. cert-manager runs this block only when
     * duration or renewBefore is set, so a percentage on its own is not validated here. The renewBefore
     * of a percentage is computed as duration × (100 − percentage) / 100 in floating point.
     */
    private static void validateDurations(CertificateSpec spec, String path, List<FieldError> errors) {
        Duration duration = parseDuration(spec.getDuration(), path + ".duration", errors);
        Duration renewBefore = parseDuration(spec.getRenewBefore(), path + ".renewBefore", errors);
        if (spec.getDuration() == null) {
            duration = Defaults.DURATION;
        }
        if (duration == null || (spec.getRenewBefore() != null && renewBefore == null)) {
            return;
        }
        Integer percentage = spec.getRenewBeforePercentage();

        if (duration.compareTo(Defaults.MINIMUM_CERTIFICATE_DURATION) < 0) {
            errors.add(FieldError.invalid(path + ".duration", duration, "certificate duration must be greater than "
                    + GoDuration.format(Defaults.MINIMUM_CERTIFICATE_DURATION)));
        }
        if (renewBefore != null && percentage != null) {
            String message = "renewBefore and renewBeforePercentage are mutually exclusive and cannot both be set";
            errors.add(FieldError.invalid(path + ".renewBefore", renewBefore, message));
            errors.add(FieldError.invalid(path + ".renewBeforePercentage", percentage, message));
        }
        if (renewBefore != null && renewBefore.compareTo(Defaults.MINIMUM_RENEW_BEFORE) < 0) {
            errors.add(FieldError.invalid(path + ".renewBefore", renewBefore, "certificate renewBefore must be greater than "
                    + GoDuration.format(Defaults.MINIMUM_RENEW_BEFORE)));
        }
        if (renewBefore != null && renewBefore.compareTo(duration) >= 0) {
            errors.add(FieldError.invalid(path + ".renewBefore", renewBefore, "certificate duration "
                    + GoDuration.format(duration) + " must be greater than renewBefore " + GoDuration.format(renewBefore)));
        }
        if (percentage != null) {
            double nanos = (double) duration.toNanos() * (double) (100 - percentage) / 100;
            Duration derived = Duration.ofNanos((long) nanos);
            if (derived.compareTo(Defaults.MINIMUM_RENEW_BEFORE) < 0) {
                errors.add(FieldError.invalid(path + ".renewBeforePercentage", percentage,
                        "certificate renewBeforePercentage must result in a renewBefore greater than "
                                + GoDuration.format(Defaults.MINIMUM_RENEW_BEFORE)));
            }
            if (derived.compareTo(duration) >= 0) {
                errors.add(FieldError.invalid(path + ".renewBeforePercentage", percentage,
                        "certificate renewBeforePercentage must result in a renewBefore less than duration"));
            }
        }
    }

    /** Parses a Go duration field; reports and returns null when it is set but invalid, returns null when unset. */
    static Duration parseDuration(String text, String field, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return GoDuration.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.invalid(field, text,
                    "must be a Go duration such as 2160h, 1h30m or 45s (units ns, us, ms, s, m, h; no days)"));
            return null;
        }
    }

    private static void validateUsages(List<String> usages, String path, List<FieldError> errors) {
        if (usages == null) {
            return;
        }
        for (int i = 0; i < usages.size(); i++) {
            if (!KeyUsages.isKnown(usages.get(i))) {
                errors.add(FieldError.invalid(path + ".usages[" + i + "]", usages.get(i), "unknown keyusage"));
            }
        }
    }

    private static void validateSecretTemplate(CertificateSecretTemplate template, String path, List<FieldError> errors) {
        if (template == null) {
            return;
        }
        if (template.getLabels() != null && !template.getLabels().isEmpty()) {
            errors.addAll(KubernetesNames.validateLabels(template.getLabels(), path + ".secretTemplate.labels"));
        }
        if (template.getAnnotations() != null && !template.getAnnotations().isEmpty()) {
            String annotationsPath = path + ".secretTemplate.annotations";
            for (String key : new TreeSet<>(template.getAnnotations().keySet())) {
                if (key.startsWith(Annotations.PREFIX) && !key.equals(Annotations.ALLOW_DIRECT_INJECTION)) {
                    errors.add(FieldError.invalid(annotationsPath, key, "cert-manager.io/* annotations are not allowed"));
                }
            }
            errors.addAll(KubernetesNames.validateAnnotations(template.getAnnotations(), annotationsPath));
        }
    }

    private static void validateNameConstraints(CertificateSpec spec, String path, List<FieldError> errors) {
        NameConstraints constraints = spec.getNameConstraints();
        String constraintsPath = path + ".nameConstraints";
        if (!Boolean.TRUE.equals(spec.getIsCA())) {
            errors.add(FieldError.invalid(constraintsPath, constraints, "isCA should be true when nameConstraints is set"));
        }
        if (constraints.getPermitted() == null && constraints.getExcluded() == null) {
            errors.add(FieldError.invalid(constraintsPath, constraints, "either permitted or excluded must be set"));
        }
        validateNameConstraintItem(constraints.getPermitted(), constraintsPath + ".permitted", errors);
        validateNameConstraintItem(constraints.getExcluded(), constraintsPath + ".excluded", errors);
    }

    private static void validateNameConstraintItem(NameConstraintItem item, String path, List<FieldError> errors) {
        if (item == null || item.getIpRanges() == null) {
            return;
        }
        for (int i = 0; i < item.getIpRanges().size(); i++) {
            String range = item.getIpRanges().get(i);
            if (!IpAddresses.isCidr(range)) {
                errors.add(FieldError.invalid(path + ".ipRanges[" + i + "]", range, "invalid CIDR address"));
            }
        }
    }

    private static void validateAdditionalOutputFormats(List<CertificateAdditionalOutputFormat> formats, String path,
            List<FieldError> errors) {
        if (formats == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < formats.size(); i++) {
            String type = formats.get(i) == null || formats.get(i).getType() == null ? "" : formats.get(i).getType();
            if (!OUTPUT_FORMATS.contains(type)) {
                errors.add(FieldError.notSupported(path + ".additionalOutputFormats[" + i + "].type", type, OUTPUT_FORMATS));
            }
            if (!seen.add(type)) {
                errors.add(FieldError.duplicate(path + ".additionalOutputFormats[type]", type));
            }
        }
    }

    private static void validateKeystores(CertificateKeystores keystores, String path, List<FieldError> errors) {
        if (keystores.getJks() != null) {
            if (keystores.getJks().getCreate() == null) {
                errors.add(FieldError.required(path + ".keystores.jks.create", ""));
            }
            validateKeystorePassword(keystores.getJks().getPassword(), keystores.getJks().getPasswordSecretRef(),
                    path + ".keystores.jks", "JKS", errors);
        }
        if (keystores.getPkcs12() != null) {
            if (keystores.getPkcs12().getCreate() == null) {
                errors.add(FieldError.required(path + ".keystores.pkcs12.create", ""));
            }
            String profile = keystores.getPkcs12().getProfile();
            if (profile != null && !profile.isEmpty() && !Defaults.PKCS12_PROFILES.contains(profile)) {
                errors.add(FieldError.notSupported(path + ".keystores.pkcs12.profile", profile, Defaults.PKCS12_PROFILES));
            }
            validateKeystorePassword(keystores.getPkcs12().getPassword(), keystores.getPkcs12().getPasswordSecretRef(),
                    path + ".keystores.pkcs12", "PKCS#12", errors);
        }
    }

    private static void validateKeystorePassword(String password, SecretKeySelector secretRef, String path,
            String format, List<FieldError> errors) {
        boolean hasSecretName = secretRef != null && !isEmpty(secretRef.getName());
        if (password != null && hasSecretName) {
            errors.add(FieldError.forbidden(path, "exactly one of passwordSecretRef and password must be provided for "
                    + format + " keystores; cannot set both"));
        }
        if (password == null && !hasSecretName) {
            errors.add(FieldError.forbidden(path, "exactly one of passwordSecretRef and password must be set for "
                    + format + " keystores"));
        }
        if (password != null && password.isEmpty()) {
            errors.add(FieldError.forbidden(path + ".password", "literal password cannot be empty if set on "
                    + format + " keystores"));
        }
    }

    private static void validateRenewal(CertificateRenewal renewal, String path, List<FieldError> errors) {
        String policy = renewal.getPolicy() == null ? "" : renewal.getPolicy();
        if (policy.equals(RENEWAL_POLICY_DISABLED)) {
            if (!isEmpty(renewal.getWindows())) {
                errors.add(FieldError.forbidden(path + ".renewal.windows",
                        "windows cannot be set when `renewal.policy` is set to Disabled"));
            }
            return;
        }
        if (!policy.equals(RENEWAL_POLICY_RENEW_BEFORE)) {
            errors.add(FieldError.notSupported(path + ".renewal.policy", policy,
                    List.of(RENEWAL_POLICY_DISABLED, RENEWAL_POLICY_RENEW_BEFORE)));
        }
        if (renewal.getWindows() == null) {
            return;
        }
        for (int i = 0; i < renewal.getWindows().size(); i++) {
            validateRenewalWindow(renewal.getWindows().get(i), path + ".renewal.windows[" + i + "]", errors);
        }
    }

    private static void validateRenewalWindow(CertificateRenewalWindow window, String path, List<FieldError> errors) {
        CertificateRenewalWindow w = window == null ? new CertificateRenewalWindow() : window;
        String timezone = w.getTimezone() == null ? "" : w.getTimezone();
        String cron = w.getCron() == null ? "" : w.getCron();

        // Schema rules of the CRD.
        if (w.getTimezone() != null && w.getTimezone().isEmpty()) {
            errors.add(FieldError.invalid(path + ".timezone", "", path + ".timezone in body should be at least 1 chars long"));
        }
        if (w.getWindowDuration() != null && !WINDOW_DURATION.matcher(w.getWindowDuration()).matches()) {
            errors.add(FieldError.invalid(path + ".windowDuration", w.getWindowDuration(),
                    path + ".windowDuration in body should match '" + WINDOW_DURATION_FORMAT + "'"));
        }

        // Webhook rules.
        if (w.getWindowDuration() == null) {
            errors.add(FieldError.required(path + ".windowDuration",
                    "windowDuration must be specified and should be greater than 0"));
        }
        if (!timezone.isEmpty() && !CronSyntax.isLoadableTimezone(timezone)) {
            errors.add(FieldError.invalid(path + ".timezone", timezone,
                    "invalid value for timezone. timezone must be IANA compliant"));
        }
        Optional<String> cronError = CronSyntax.check(cron, timezone);
        cronError.ifPresent(message -> errors.add(FieldError.invalid(path + ".cron", cron, "invalid cron syntax: "
                + message + ". cron needs to follow: cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow")));
    }

    static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    static boolean isEmpty(List<?> value) {
        return value == null || value.isEmpty();
    }
}
