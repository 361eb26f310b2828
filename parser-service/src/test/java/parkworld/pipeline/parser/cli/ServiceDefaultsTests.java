package parkworld.pipeline.parser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.unit.DataSize;
import parkworld.pipeline.parser.ParserProperties;
import parkworld.pipeline.parser.QualityProperties;

/** The command's defaults are the service's: what Spring's Binder makes of the same records without configuration. */
class ServiceDefaultsTests {

    @Test
    void parserDefaultsAreWhatSpringBindsWithoutConfiguration() {
        ParserProperties bound = new Binder().bindOrCreate("parkworld.parser", ParserProperties.class);

        assertThat(ServiceDefaults.parser()).isEqualTo(bound);
        assertThat(ServiceDefaults.parser().timeLimit()).isEqualTo(Duration.ofMinutes(2));
        assertThat(ServiceDefaults.parser().maxFileSize()).isEqualTo(DataSize.ofMegabytes(100));
        assertThat(ServiceDefaults.parser().output().maxRecordSize()).isEqualTo(DataSize.ofBytes(1_000_000));
    }

    @Test
    void qualityDefaultsAreWhatSpringBindsWithoutConfiguration() {
        QualityProperties bound = new Binder().bindOrCreate("parkworld.parser.quality", QualityProperties.class);

        assertThat(ServiceDefaults.quality()).isEqualTo(bound);
        assertThat(ServiceDefaults.quality().minTocMatchedShare()).isEqualTo(0.9);
    }
}
