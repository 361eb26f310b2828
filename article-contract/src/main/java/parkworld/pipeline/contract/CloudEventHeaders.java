package parkworld.pipeline.contract;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * CloudEvents 1.0 attributes in Kafka binary content mode: every record carries these headers, and its value is the
 * JSON event. {@link #SECTION} is an extension attribute so consumers can filter articles without parsing them.
 */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA = "ce_dataschema";
    /** Extension attribute {@code section}: the article's section, e.g. {@code 招商引资}. */
    public static final String SECTION = "ce_section";
    /** Binary mode puts the data content type in the Kafka {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    /**
     * The headers for one event.
     *
     * @param type    what the event is
     * @param source  the producing service as a URI reference, e.g. {@code /parkworld/parser-service}
     * @param subject what the event is about: the issue key or article id
     * @param time    when the event happened
     * @return header names to values, all strings
     */
    public static Map<String, String> of(EventType type, String source, String subject, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, UUID.randomUUID().toString());
        headers.put(TYPE, type.cloudEventType());
        headers.put(SOURCE, source);
        headers.put(SPEC_VERSION, SPEC_VERSION_1_0);
        headers.put(TIME, time.toString());
        headers.put(SUBJECT, subject);
        headers.put(DATA_SCHEMA, type.schemaId());
        headers.put(CONTENT_TYPE, JSON);
        return headers;
    }
}
