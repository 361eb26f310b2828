package parkworld.pipeline.testsupport;

import parkworld.pipeline.localstack.ElasticsearchNode;
import parkworld.pipeline.localstack.KafkaBroker;

/** Kafka and Elasticsearch as child processes of this JVM, for machines without Docker. */
final class LocalProcesses {

    private LocalProcesses() {
    }

    static RunningEndpoint kafka() {
        KafkaBroker broker = KafkaBroker.start();
        return new RunningEndpoint(broker.bootstrapServers(), "local process (log " + broker.logFile() + ")", broker);
    }

    static RunningEndpoint elasticsearch() {
        ElasticsearchNode node = ElasticsearchNode.start();
        return new RunningEndpoint(node.httpUrl(), "local process (log " + node.logFile() + ")", node);
    }
}
