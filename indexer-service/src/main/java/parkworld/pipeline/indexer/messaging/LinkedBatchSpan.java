package parkworld.pipeline.indexer.messaging;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import parkworld.pipeline.messaging.ConsumedRecord;

/**
 * One span around a batch of records, linked to the trace of each record (its W3C {@code traceparent} header): a
 * batch mixes articles of several traces, so it cannot be the child of any one of them. The parser's trace of an
 * issue thus leads to the bulk request that indexed its articles.
 */
final class LinkedBatchSpan {

    /** W3C Trace Context: {@code version-traceid-parentid-flags}. */
    static final String TRACEPARENT = "traceparent";

    private static final Pattern W3C = Pattern.compile("^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$");

    private final Tracer tracer;

    LinkedBatchSpan(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Runs {@code work} inside a new span named {@code name}, linked to every record's trace.
     *
     * @return what {@code work} returned
     */
    <T> T around(String name, List<ConsumedRecord> records, Supplier<T> work) {
        Span.Builder builder = this.tracer.spanBuilder().name(name).kind(Span.Kind.CONSUMER)
            .tag("messaging.batch.message_count", String.valueOf(records.size()));
        // one link per distinct context (an issue's articles share their parent span); TraceContext has no equals
        records.stream().map(r -> r.header(TRACEPARENT)).distinct().map(this::context).flatMap(Optional::stream)
            .forEach(context -> builder.addLink(new Link(context)));
        Span span = builder.start();
        try (Tracer.SpanInScope scope = this.tracer.withSpan(span)) {
            return work.get();
        }
        catch (RuntimeException | Error ex) {
            span.error(ex);
            throw ex;
        }
        finally {
            span.end();
        }
    }

    /** The trace context a {@code traceparent} header names; empty when there is none or it is malformed. */
    Optional<TraceContext> context(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        Matcher w3c = W3C.matcher(traceparent.strip());
        if (!w3c.matches()) {
            return Optional.empty();
        }
        return Optional.of(this.tracer.traceContextBuilder()
            .traceId(w3c.group(1))
            .spanId(w3c.group(2))
            .sampled((Integer.parseInt(w3c.group(3), 16) & 1) == 1)
            .build());
    }
}
