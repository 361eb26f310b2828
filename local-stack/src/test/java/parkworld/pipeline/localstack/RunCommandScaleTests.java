package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandScaleTests {

    @Test
    void moreParsersThanTheFetchedTopicHasPartitionsAreAUsageErrorBeforeAnythingStarts(@TempDir Path sandbox)
            throws Exception {
        // The run command in a checkout of its own holding only the contract: whatever it starts would land in there.
        Path contract = Files.createDirectories(sandbox.resolve("checkout").resolve("article-contract"));
        Files.copy(TopicPartitionsTests.ASYNC_API, contract.resolve("asyncapi.yaml"));
        Path source = Files.createDirectories(sandbox.resolve("pdfs"));
        Path stderr = sandbox.resolve("stderr.txt");
        Process run = new ProcessBuilder(List.of(RunningJvm.javaExecutable(), "-Xmx64m",
                "-Dparkworld.project.root=" + contract.getParent(), "-cp", System.getProperty("java.class.path"),
                LocalPipeline.class.getName(), "--scale=parser=7", "--source=" + source, "--exit-when-done"))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile()).start();
        if (!run.waitFor(60, TimeUnit.SECONDS)) {
            // Gently first: its shutdown hook stops the Kafka and Elasticsearch it may have started.
            run.destroy();
            if (!run.waitFor(60, TimeUnit.SECONDS)) {
                run.destroyForcibly();
            }
            throw new AssertionError("the run command did not refuse --scale=parser=7 within 60 s:\n"
                    + Files.readString(stderr));
        }

        assertThat(run.exitValue()).as(Files.readString(stderr)).isEqualTo(LocalPipeline.EXIT_USAGE);
        assertThat(Files.readString(stderr)).startsWith("[local-pipeline] --scale: 7 instances of parser-service but"
                + " its topic parkworld.issues.fetched has 6 partition(s) (bindings.kafka.partitions of its channel in"
                + " article-contract/asyncapi.yaml)");
        assertThat(contract.getParent().resolve("target")).as("nothing started, not even the run's lock").doesNotExist();
    }
}
