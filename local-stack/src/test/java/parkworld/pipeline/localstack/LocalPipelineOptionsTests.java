package parkworld.pipeline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LocalPipelineOptionsTests {

    @Test
    void helpIsAnOptionNotAnError() {
        assertThat(LocalPipeline.options(new String[] {"--help"})).containsKey("help");
        assertThat(LocalPipeline.options(new String[] {"-h"})).containsKey("help");
    }

    @Test
    void valuesAreKeptAsGiven() {
        assertThat(LocalPipeline.options(new String[] {"--kafka=broker:9092", "--exit-when-done"}))
                .containsEntry("kafka", "broker:9092")
                .containsEntry("exit-when-done", "true");
    }

    @Test
    void unknownOptionsAndMissingValuesAreRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> LocalPipeline.options(new String[] {"--sauce=x"}))
                .withMessageContaining("--sauce=x");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalPipeline.options(new String[] {"--kafka"}))
                .withMessageContaining("needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> LocalPipeline.options(new String[] {"folder"}));
    }
}
