package parkworld.pipeline.indexer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where records the indexer cannot handle go: their original bytes, with headers saying why and where they came
 * from.
 *
 * @param topic       the dead-letter topic; {@code application.yml} binds it to
 *                    {@code parkworld.topics.indexer-dead-letter} from the contract's topic file
 * @param sendTimeout how long to wait for Kafka to acknowledge the dead letters of a batch; the batch is retried
 *                    when it does not
 */
@Validated
@ConfigurationProperties("parkworld.indexer.dead-letter")
public record DeadLetterProperties(@NotBlank String topic, @NotNull @DefaultValue("30s") Duration sendTimeout) {
}
