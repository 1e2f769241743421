package io.certwright.api.validation;

import io.certwright.api.model.ACMEAuthorization;
import io.certwright.api.model.ACMEChallenge;
import io.certwright.api.model.Order;
import io.certwright.api.model.OrderSpec;
import io.certwright.api.model.OrderStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Admission rules for an ACME Order. A new Order is always valid. On update, every field that
 * records what the ACME server returned is immutable once set, because the orders controller
 * would otherwise act on an order, authorization or challenge that the server never created:
 * {@code spec.request}, the order URL, finalize URL and certificate, the number of authorizations,
 * and each authorization's URL, identifier, wildcard flag, initial state and challenges.
 */
public final class OrderValidator {
    private static final String IMMUTABLE = "field is immutable once set";

    private OrderValidator() {
    }

    /** Validates an update of {@code previous} to {@code updated}. */
    public static ValidationResult validateUpdate(Order previous, Order updated) {
        List<FieldError> errors = new ArrayList<>();
        OrderSpec oldSpec = previous.getSpec() == null ? new OrderSpec() : previous.getSpec();
        OrderSpec newSpec = updated.getSpec() == null ? new OrderSpec() : updated.getSpec();
        if (isSet(oldSpec.getRequest()) && !Arrays.equals(oldSpec.getRequest(), newSpec.getRequest())) {
            errors.add(FieldError.forbidden("spec.request", IMMUTABLE));
        }
        OrderStatus oldStatus = previous.getStatus() == null ? new OrderStatus() : previous.getStatus();
        OrderStatus newStatus = updated.getStatus() == null ? new OrderStatus() : updated.getStatus();
        validateStatusUpdate(oldStatus, newStatus, errors);
        return ValidationResult.of(errors);
    }

    private static void validateStatusUpdate(OrderStatus old, OrderStatus updated, List<FieldError> errors) {
        if (isSet(old.getUrl()) && !old.getUrl().equals(updated.getUrl())) {
            errors.add(FieldError.forbidden("status.url", IMMUTABLE));
        }
        if (isSet(old.getFinalizeURL()) && !old.getFinalizeURL().equals(updated.getFinalizeURL())) {
            errors.add(FieldError.forbidden("status.finalizeURL", IMMUTABLE));
        }
        if (isSet(old.getCertificate()) && !Arrays.equals(old.getCertificate(), updated.getCertificate())) {
            errors.add(FieldError.forbidden("status.certificate", IMMUTABLE));
        }
        List<ACMEAuthorization> oldAuthorizations = orEmpty(old.getAuthorizations());
        if (oldAuthorizations.isEmpty()) {
            return;
        }
        List<ACMEAuthorization> newAuthorizations = orEmpty(updated.getAuthorizations());
        if (oldAuthorizations.size() != newAuthorizations.size()) {
            errors.add(FieldError.forbidden("status.authorizations", IMMUTABLE));
        }
        int common = Math.min(oldAuthorizations.size(), newAuthorizations.size());
        for (int i = 0; i < common; i++) {
            compareAuthorization("status.authorizations[" + i + "]", oldAuthorizations.get(i),
                    newAuthorizations.get(i), errors);
        }
    }

    private static void compareAuthorization(String path, ACMEAuthorization old, ACMEAuthorization updated,
                                             List<FieldError> errors) {
        changedOnceSet(path + ".url", old.getUrl(), updated.getUrl(), errors);
        changedOnceSet(path + ".identifier", old.getIdentifier(), updated.getIdentifier(), errors);
        if (old.getWildcard() != null && !old.getWildcard().equals(updated.getWildcard())) {
            errors.add(FieldError.forbidden(path + ".wildcard", IMMUTABLE));
        }
        changedOnceSet(path + ".initialState", old.getInitialState(), updated.getInitialState(), errors);

        List<ACMEChallenge> oldChallenges = orEmpty(old.getChallenges());
        if (oldChallenges.isEmpty()) {
            return;
        }
        List<ACMEChallenge> newChallenges = orEmpty(updated.getChallenges());
        if (oldChallenges.size() != newChallenges.size()) {
            errors.add(FieldError.forbidden(path + ".challenges", IMMUTABLE));
        }
        int common = Math.min(oldChallenges.size(), newChallenges.size());
        for (int i = 0; i < common; i++) {
            String challengePath = path + ".challenges[" + i + "]";
            ACMEChallenge oldChallenge = oldChallenges.get(i);
            ACMEChallenge newChallenge = newChallenges.get(i);
            changedOnceSet(challengePath + ".url", oldChallenge.getUrl(), newChallenge.getUrl(), errors);
            changedOnceSet(challengePath + ".type", oldChallenge.getType(), newChallenge.getType(), errors);
            changedOnceSet(challengePath + ".token", oldChallenge.getToken(), newChallenge.getToken(), errors);
        }
    }

    private static void changedOnceSet(String path, String old, String updated, List<FieldError> errors) {
        if (isSet(old) && !Objects.equals(old, updated == null ? "" : updated)) {
            errors.add(FieldError.forbidden(path, IMMUTABLE));
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isEmpty();
    }

    private static boolean isSet(byte[] value) {
        return value != null && value.length > 0;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
