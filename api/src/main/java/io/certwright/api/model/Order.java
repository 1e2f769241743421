package io.certwright.api.model;


/** An ACME order for one CertificateRequest ({@code acme.cert-manager.io/v1}, namespaced). */
public class Order extends CertManagerResource<OrderSpec, OrderStatus> {
    public static final String API_VERSION = "acme.cert-manager.io/v1";
    public static final String KIND = "Order";

    public Order() {
        super(API_VERSION, KIND);
    }
}
