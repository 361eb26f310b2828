package parkworld.pipeline.parser.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParseOptionsTests {

    private static final Duration TWO_MINUTES = Duration.ofMinutes(2);

    @Test
    void keepsTheDefaultsWhenOnlyAFileIsGiven() throws UsageException {
        ParseOptions options = ParseOptions.from(List.of("issue.pdf"), 300, TWO_MINUTES);

        assertThat(options).isEqualTo(new ParseOptions(Path.of("issue.pdf"), 300, TWO_MINUTES, false, false));
    }

    @Test
    void acceptsValuesAfterASpaceOrAnEqualsSign() throws UsageException {
        ParseOptions options = ParseOptions.from(List.of("--max-pages=40", "--time-limit", "30s", "--pretty",
                "issue.pdf"), 300, TWO_MINUTES);

        assertThat(options.maxPages()).isEqualTo(40);
        assertThat(options.timeLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.pretty()).isTrue();
    }

    @Test
    void readsTimeLimitsInTheNotationOfTheServiceConfiguration() throws UsageException {
        assertThat(ParseOptions.from(List.of("--time-limit=PT1M30S", "a.pdf"), 300, TWO_MINUTES).timeLimit())
            .isEqualTo(Duration.ofSeconds(90));
        assertThat(ParseOptions.from(List.of("--time-limit=500ms", "a.pdf"), 300, TWO_MINUTES).timeLimit())
            .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void takesEverythingAfterDoubleDashAsFile() throws UsageException {
        assertThat(ParseOptions.from(List.of("--", "--odd-name.pdf"), 300, TWO_MINUTES).file())
            .isEqualTo(Path.of("--odd-name.pdf"));
    }

    @Test
    void refusesBadValues() {
        assertThatExceptionOfType(UsageException.class)
            .isThrownBy(() -> ParseOptions.from(List.of("--max-pages", "0", "a.pdf"), 300, TWO_MINUTES))
            .withMessageContaining("--max-pages");
        assertThatExceptionOfType(UsageException.class)
            .isThrownBy(() -> ParseOptions.from(List.of("--time-limit", "soon", "a.pdf"), 300, TWO_MINUTES))
            .withMessageContaining("--time-limit");
        assertThatExceptionOfType(UsageException.class)
            .isThrownBy(() -> ParseOptions.from(List.of("a.pdf", "--max-pages"), 300, TWO_MINUTES))
            .withMessage("--max-pages needs a value");
    }

    @Test
    void refusesMoreThanOneFile() {
        assertThatExceptionOfType(UsageException.class)
            .isThrownBy(() -> ParseOptions.from(List.of("a.pdf", "b.pdf"), 300, TWO_MINUTES))
            .withMessageContaining("expected one FILE.pdf");
    }
}
