package parkworld.pipeline.parser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/** application.yml writes out every default; it must say what the properties records really default to. */
class DocumentedDefaultsTests {

    @ParameterizedTest
    @CsvSource("parkworld.parser, parkworld.pipeline.parser.ParserProperties")
    void applicationYmlStatesTheRealDefaults(String prefix, Class<?> type) throws IOException {
        Binder documented = new Binder(ConfigurationPropertySources.from(
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml")).get(0)));

        assertThat(documented.bindOrCreate(prefix, type)).as("%s as application.yml writes it", prefix)
            .isEqualTo(new Binder().bindOrCreate(prefix, type));
    }
}
