package parkworld.pipeline.benchmarks.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceProcessesTests {

    @Test
    void readsVmRssInKibibytesAsBytes() {
        assertThat(ServiceProcesses.vmRssBytes("VmRSS:\t  332112 kB")).isEqualTo(332112L * 1024);
    }

    @Test
    void ownResidentSetIsReadFromProc() {
        assertThat(ServiceProcesses.residentBytes(ProcessHandle.current().pid())).isGreaterThan(1024 * 1024);
    }

    @Test
    void namesThePipelinesProcessesByTheirCommandLines() {
        assertThat(ServiceProcesses.name("/usr/bin/java -Xmx256m -jar /x/parser-service/target/parser-service.jar "
                + "--server.port=1")).contains("parser-service");
        assertThat(ServiceProcesses.name("/usr/bin/java -Xmx512m -cp /k/* kafka.Kafka /w/server.properties"))
            .contains("kafka");
        assertThat(ServiceProcesses.name("/es/jdk/bin/java -Xms512m -m org.elasticsearch.server/"
                + "org.elasticsearch.bootstrap.Elasticsearch")).contains("elasticsearch");
        assertThat(ServiceProcesses.name("/usr/bin/java -jar /x/benchmarks.jar")).isEqualTo(Optional.empty());
    }

    @Test
    void theExtractionBaselineLineIsRead() {
        var baseline = BackfillBenchmark.parseBaseline(
                "INFO something\nextraction: files 3 pages 61 characters 123456 seconds 4.250\n");

        assertThat(baseline.files()).isEqualTo(3);
        assertThat(baseline.pages()).isEqualTo(61);
        assertThat(baseline.seconds()).isEqualTo(4.25);
    }
}
