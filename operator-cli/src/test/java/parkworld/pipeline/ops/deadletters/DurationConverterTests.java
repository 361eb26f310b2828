package parkworld.pipeline.ops.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class DurationConverterTests {

    @ParameterizedTest
    @CsvSource({"500ms, PT0.5S", "30s, PT30S", "2m, PT2M", "1h, PT1H", "PT45S, PT45S", "10S, PT10S"})
    void readsTheServicesShortFormsAndIso(String text, String iso) {
        assertThat(new DurationConverter().convert(text)).isEqualTo(Duration.parse(iso));
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0s", "-5s", "5 minutes", "PT0S"})
    void rejectsWhatIsNotAPositiveDuration(String text) {
        assertThatThrownBy(() -> new DurationConverter().convert(text))
            .isInstanceOf(CommandLine.TypeConversionException.class).hasMessageContaining(text);
    }
}
