package io.certwright.acme.client;

/**
 * The ACME operations that label outbound requests in the {@code action} label of cert-manager's
 * {@code certmanager_http_acme_client_request_*} metrics. A request inherits the operation that
 * caused it, so the directory fetches and nonce requests that acme4j sends inside an operation carry
 * that operation's action.
 *
 * <p>{@link #DISCOVER} and {@link #GET_CHALLENGE} complete cert-manager's list but label no request
 * here: acme4j fetches the directory inside the operation that needs it, and Certwright reads
 * challenges through their authorization.
 */
public enum AcmeAction {
    AUTHORIZE_ORDER("authorize_order"),
    GET_ORDER("get_order"),
    FETCH_CERT("fetch_cert"),
    LIST_CERT_ALTERNATES("list_cert_alternates"),
    WAIT_ORDER("wait_order"),
    CREATE_ORDER_CERT("create_order_cert"),
    ACCEPT_CHALLENGE("accept_challenge"),
    GET_CHALLENGE("get_challenge"),
    GET_AUTHORIZATION("get_authorization"),
    WAIT_AUTHORIZATION("wait_authorization"),
    REGISTER_ACCOUNT("register_account"),
    GET_REGISTRATION("get_registration"),
    DISCOVER("discover"),
    UPDATE_REGISTRATION("update_registration"),
    GET_RENEWAL_INFO("get_renewal_info"),
    /** A request sent outside any labelled operation. */
    UNNAMED("unnamed_action");

    private final String label;

    AcmeAction(String label) {
        this.label = label;
    }

    /** Returns the value of the {@code action} label. */
    public String label() {
        return label;
    }
}
