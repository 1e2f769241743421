package io.certwright.pki;

import java.util.Objects;

/**
 * A subject alternative name of type otherName whose value is a UTF8String.
 *
 * @param oid the type-id in dotted form, for example {@code 1.3.6.1.4.1.311.20.2.3} (UPN)
 * @param utf8Value the value, encoded as an explicitly tagged UTF8String
 */
public record OtherName(String oid, String utf8Value) {

    public OtherName {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(utf8Value, "utf8Value");
    }
}
