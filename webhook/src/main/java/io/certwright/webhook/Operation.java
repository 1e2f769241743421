package io.certwright.webhook;

import java.util.Locale;

/** The operation of an admission request, as {@code request.operation} names it. */
public enum Operation {
    CREATE, UPDATE, DELETE, CONNECT;

    /** Parses the wire value, such as {@code CREATE}; throws IllegalArgumentException for any other text. */
    static Operation parse(String value) {
        try {
            return Operation.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown operation \"" + value + "\"; expected CREATE, UPDATE, DELETE"
                    + " or CONNECT", e);
        }
    }
}
