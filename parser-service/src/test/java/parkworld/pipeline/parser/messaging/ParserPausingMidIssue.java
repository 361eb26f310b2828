package parkworld.pipeline.parser.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import parkworld.pipeline.parser.ParserApplication;
import parkworld.pipeline.parser.pipeline.OutgoingRecord;

/**
 * The parser-service as a separate process that stops in the middle of publishing an issue: after
 * {@code test.pause-after} records it writes the file {@code test.marker} and blocks, with its transaction open,
 * until the test kills it with {@code kill -9}. Deliberately not a {@code @Configuration}: component scanning must
 * never pick it up in other tests; {@link #main} registers it explicitly.
 */
public class ParserPausingMidIssue {

    public static void main(String[] args) {
        SpringApplication.run(new Class<?>[] { ParserApplication.class, ParserPausingMidIssue.class }, args);
    }

    @Bean
    @Primary
    IssueProcessor.IssueEventSink pausingSink(StreamBridge streamBridge, @Value("${test.pause-after}") int pauseAfter,
            @Value("${test.marker}") Path marker) {
        return new KafkaIssueEventSink(streamBridge) {

            private int sent;

            @Override
            void send(OutgoingRecord record) {
                super.send(record);
                if (++this.sent == pauseAfter) {
                    try {
                        Files.writeString(marker, "paused after " + pauseAfter + " records\n");
                        Thread.sleep(Long.MAX_VALUE);
                    }
                    catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }
            }
        };
    }
}
