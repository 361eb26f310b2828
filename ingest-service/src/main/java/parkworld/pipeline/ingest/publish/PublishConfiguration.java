package parkworld.pipeline.ingest.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Headers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.ingest.state.IssueFetchedRecords;

@Configuration(proxyBeanMethods = false)
class PublishConfiguration {

    @Bean
    IssueFetchedRecords issueFetchedRecords(@Value("${parkworld.topics.issues-fetched}") String topic,
            MeterRegistry meters, ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new KafkaIssueFetchedRecords(topic, meters,
                traceContextWriter(tracer.getIfAvailable(), propagator.getIfAvailable()));
    }

    /**
     * The ledger sends with its own transactional producer, not through the binder, so nothing adds the trace headers
     * for it: the current span (the ingest run's, carried into the run's thread) is injected here.
     */
    private static Consumer<Headers> traceContextWriter(Tracer tracer, Propagator propagator) {
        if (tracer == null || propagator == null) {
            return headers -> { };
        }
        return headers -> {
            TraceContext context = tracer.currentTraceContext().context();
            if (context != null) {
                propagator.inject(context, headers, (carrier, key, value) -> carrier.remove(key)
                    .add(key, value.getBytes(StandardCharsets.UTF_8)));
            }
        };
    }
}
