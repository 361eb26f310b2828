package parkworld.pipeline.parser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.springframework.boot.context.properties.bind.Binder;
import parkworld.pipeline.parser.structure.QualityRules;
import org.junit.jupiter.params.provider.CsvSource;
import parkworld.pipeline.testsupport.DocumentedDefaults;

/** application.yml writes out every default; it must say what the properties records really default to. */
class DocumentedDefaultsTests {

    @Test
    void theParsersBuiltInQualityRulesAreTheServiceDefaults() {
        QualityProperties defaults = new Binder().bindOrCreate("parkworld.parser.quality", QualityProperties.class);
        assertThat(QualityRules.DEFAULTS).isEqualTo(defaults.rules());
    }

    @ParameterizedTest
    @CsvSource({ "parkworld.parser, parkworld.pipeline.parser.ParserProperties",
            "parkworld.parser.quality, parkworld.pipeline.parser.QualityProperties",
            "parkworld.parser.blob-store, parkworld.pipeline.parser.BlobStoreProperties",
            "parkworld.retry, parkworld.pipeline.messaging.RetryPolicyProperties" })
    void applicationYmlStatesTheRealDefaults(String prefix, Class<?> type) {
        DocumentedDefaults.assertApplicationYmlStatesTheDefaults(prefix, type);
    }
}
