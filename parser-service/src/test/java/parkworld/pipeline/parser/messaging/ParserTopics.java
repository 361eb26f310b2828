package parkworld.pipeline.parser.messaging;

import org.springframework.test.context.DynamicPropertyRegistry;
import parkworld.pipeline.testsupport.KafkaTopics;
import parkworld.pipeline.testsupport.TestInfrastructure;

/**
 * The parser's topics for one integration test class, uniquely named so test classes never read each other's
 * records, and the properties that point a parser-service context at them on the test broker.
 *
 * @param fetched    what the parser consumes
 * @param articles   where it publishes articles
 * @param parsed     where it publishes issue summaries
 * @param deadLetter where it dead-letters
 */
record ParserTopics(String fetched, String articles, String parsed, String deadLetter) {

    /** @param prefix e.g. {@code it.hostile}: gives {@code it.hostile.issues.fetched-<unique>} and so on */
    static ParserTopics unique(String prefix) {
        return new ParserTopics(KafkaTopics.unique(prefix + ".issues.fetched"), KafkaTopics.unique(prefix + ".articles"),
                KafkaTopics.unique(prefix + ".issues.parsed"), KafkaTopics.unique(prefix + ".parser.dlq"));
    }

    /** For a {@code @DynamicPropertySource}: the test broker and these topics. */
    void register(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.stream.kafka.binder.brokers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("parkworld.topics.issues-fetched", this::fetched);
        registry.add("parkworld.topics.articles", this::articles);
        registry.add("parkworld.topics.issues-parsed", this::parsed);
        registry.add("parkworld.topics.parser-dead-letter", this::deadLetter);
    }
}
