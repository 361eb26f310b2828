package parkworld.pipeline.indexer.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import parkworld.pipeline.indexer.BulkProperties;
import parkworld.pipeline.indexer.IndexProperties;

/** The bulk writer, writing to the versioned articles index (readers use the alias, see {@code ArticleIndexSetup}). */
@Configuration(proxyBeanMethods = false)
class BulkConfiguration {

    /**
     * With {@code parkworld.indexer.bulk.max-in-flight} above 1, requests are sent from that many threads, shared by
     * every consumer thread, so that is the most requests in flight from this instance; the writer stops them when
     * the context closes (after the listener containers stopped). Not an {@code Executor} bean, which would replace
     * Spring Boot's application task executor.
     */
    @Bean(destroyMethod = "close")
    ArticleBulkWriter articleBulkWriter(ElasticsearchClient client, IndexProperties index, BulkProperties bulk,
            MeterRegistry meters) {
        ExecutorService threads = null;
        if (bulk.maxInFlight() > 1) {
            AtomicInteger number = new AtomicInteger();
            threads = Executors.newFixedThreadPool(bulk.maxInFlight(), runnable -> {
                Thread thread = new Thread(runnable, "bulk-request-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return new ArticleBulkWriter(client::bulk, index.name(), bulk, meters, threads,
                duration -> Thread.sleep(duration.toMillis()), () -> ThreadLocalRandom.current().nextDouble());
    }
}
