package parkworld.pipeline.parser.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.parser.ParserProperties;
import picocli.CommandLine;

class ParseOptionsTests {

    private static final ParserProperties DEFAULTS = ServiceDefaults.parser();

    @Test
    void keepsTheServiceDefaultsWhenOnlyAFileIsGiven() {
        ParseOptions options = ParseOptions.from(List.of("issue.pdf"), DEFAULTS);

        assertThat(options.file()).isEqualTo(Path.of("issue.pdf"));
        assertThat(options.maxPages()).isEqualTo(DEFAULTS.maxPages()).isEqualTo(300);
        assertThat(options.timeLimit()).isEqualTo(DEFAULTS.timeLimit()).isEqualTo(Duration.ofMinutes(2));
        assertThat(options.pretty()).isFalse();
    }

    @Test
    void acceptsValuesAfterASpaceOrAnEqualsSign() {
        ParseOptions options = ParseOptions.from(List.of("--max-pages=40", "--time-limit", "30s", "--pretty",
                "issue.pdf"), DEFAULTS);

        assertThat(options.maxPages()).isEqualTo(40);
        assertThat(options.timeLimit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.pretty()).isTrue();
        // The other way round, as CLI.md says: either form for either option.
        ParseOptions swapped = ParseOptions.from(List.of("--max-pages", "41", "--time-limit=31s", "issue.pdf"), DEFAULTS);
        assertThat(swapped.maxPages()).isEqualTo(41);
        assertThat(swapped.timeLimit()).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void readsTimeLimitsInTheNotationOfTheServiceConfiguration() {
        assertThat(ParseOptions.from(List.of("--time-limit=PT1M30S", "a.pdf"), DEFAULTS).timeLimit())
            .isEqualTo(Duration.ofSeconds(90));
        assertThat(ParseOptions.from(List.of("--time-limit=500ms", "a.pdf"), DEFAULTS).timeLimit())
            .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void takesEverythingAfterDoubleDashAsFile() {
        assertThat(ParseOptions.from(List.of("--", "--odd-name.pdf"), DEFAULTS).file())
            .isEqualTo(Path.of("--odd-name.pdf"));
    }

    @Test
    void refusesBadValuesNamingTheOption() {
        assertThatExceptionOfType(CommandLine.ParameterException.class)
            .isThrownBy(() -> ParseOptions.from(List.of("--max-pages", "0", "a.pdf"), DEFAULTS))
            .withMessageContaining("--max-pages")
            .withMessageContaining("'0' is not a positive whole number");
        assertThatExceptionOfType(CommandLine.ParameterException.class)
            .isThrownBy(() -> ParseOptions.from(List.of("--time-limit", "soon", "a.pdf"), DEFAULTS))
            .withMessageContaining("--time-limit")
            .withMessageContaining("'soon' is not a positive duration");
        assertThatExceptionOfType(CommandLine.ParameterException.class)
            .isThrownBy(() -> ParseOptions.from(List.of("a.pdf", "--max-pages"), DEFAULTS))
            .withMessageContaining("--max-pages");
    }

    @Test
    void refusesMoreThanOneFile() {
        assertThatExceptionOfType(CommandLine.ParameterException.class)
            .isThrownBy(() -> ParseOptions.from(List.of("a.pdf", "b.pdf"), DEFAULTS))
            .withMessageContaining("b.pdf");
    }
}
