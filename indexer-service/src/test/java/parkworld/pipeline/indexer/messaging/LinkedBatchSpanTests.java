package parkworld.pipeline.indexer.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.tracing.test.simple.SimpleSpan;
import io.micrometer.tracing.test.simple.SimpleTracer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.messaging.ConsumedRecord;

class LinkedBatchSpanTests {

    private final SimpleTracer tracer = new SimpleTracer();
    private final LinkedBatchSpan span = new LinkedBatchSpan(this.tracer);

    @Test
    void linksTheBatchSpanToTheTraceOfEveryRecordOnce() {
        List<ConsumedRecord> batch = List.of(
                record("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                record("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"),
                record("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                record(null),
                record("not a traceparent"));

        String result = this.span.around("index articles", batch, () -> "indexed");

        assertThat(result).isEqualTo("indexed");
        SimpleSpan finished = this.tracer.onlySpan();
        assertThat(finished.getName()).isEqualTo("index articles");
        assertThat(finished.getLinks()).extracting(link -> link.getTraceContext().traceId())
            .containsExactlyInAnyOrder("0af7651916cd43dd8448eb211c80319c", "4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(finished.getEndTimestamp()).isNotNull();
    }

    @Test
    void endsTheSpanWithTheErrorWhenTheBatchFails() {
        IllegalStateException failure = new IllegalStateException("Elasticsearch down");

        assertThatThrownBy(() -> this.span.around("index articles", List.of(), () -> {
            throw failure;
        })).isSameAs(failure);

        assertThat(this.tracer.onlySpan().getError()).isSameAs(failure);
    }

    private static ConsumedRecord record(String traceparent) {
        Map<String, byte[]> headers = traceparent == null ? Map.of()
                : Map.of(LinkedBatchSpan.TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
        return new ConsumedRecord("parkworld.articles", 0, 0, null, "{}".getBytes(StandardCharsets.UTF_8), headers);
    }
}
