package io.salespulse.contracts;

/**
 * Header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode: the context attributes
 * travel as {@code ce_}-prefixed headers and the record value is the event data as JSON.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";

    /** The CloudEvents specification version we speak. */
    public static final String SPEC_VERSION_VALUE = "1.0";

    /** The content type of every record value. */
    public static final String JSON = "application/json";

    private CloudEventHeaders() {}
}
