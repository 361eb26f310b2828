package parkworld.pipeline.parser.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.stream.binder.BinderFactory;
import org.springframework.core.env.Environment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import parkworld.pipeline.parser.ParserApplication;
import parkworld.pipeline.parser.pipeline.OutgoingRecord;

/**
 * The parser-service as a separate process that stops in the middle of publishing an issue: after
 * {@code test.pause-after} records, written to the broker, it writes the file {@code test.marker} and blocks, with
 * its transaction open, until the test kills it with {@code kill -9}. Deliberately not a {@code @Configuration}:
 * component scanning must never pick it up in other tests; {@link #main} registers it explicitly.
 */
public class ParserPausingMidIssue {

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] { ParserApplication.class, ParserPausingMidIssue.class }, args);
    }

    @Bean
    @Primary
    IssueProcessor.IssueEventSink pausingSink(BinderFactory binders, ObjectProvider<ObservationRegistry> observations,
            Environment environment, @Value("${test.pause-after}") int pauseAfter,
            @Value("${test.marker}") Path marker) {
        return new KafkaIssueEventSink(MessagingConfiguration.issueRecordsTemplate(binders, observations, environment),
                environment.getRequiredProperty("parkworld.topics.articles"),
                environment.getRequiredProperty("parkworld.topics.issues-parsed")) {

            private int sent;

            @Override
            CompletableFuture<?> send(OutgoingRecord record) {
                CompletableFuture<?> send = super.send(record);
                if (++this.sent == pauseAfter) {
                    // The records handed so far are written before the pause (the sends are pipelined: without the
                    // flush, some could still be in the producer's buffer when the process is killed).
                    flush();
                    try {
                        Files.writeString(marker, "paused after " + pauseAfter + " records\n");
                        Thread.sleep(Long.MAX_VALUE);
                    }
                    catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }
                return send;
            }
        };
    }
}
