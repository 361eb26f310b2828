package parkworld.pipeline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * Each service's application.yml writes out every default for operators to read; this checks it says what the
 * {@code @ConfigurationProperties} record really defaults to, so the two cannot drift apart.
 */
public final class DocumentedDefaults {

    private DocumentedDefaults() {
    }

    /**
     * @param prefix the properties prefix, e.g. {@code parkworld.ingest.crawler}
     * @param type   the properties record
     * @throws AssertionError naming both values when application.yml and the record's defaults differ
     */
    public static void assertApplicationYmlStatesTheDefaults(String prefix, Class<?> type) {
        Binder documented;
        try {
            documented = new Binder(ConfigurationPropertySources.from(new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"))
                .get(0)));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Object inYml = documented.bindOrCreate(prefix, type);
        Object real = new Binder().bindOrCreate(prefix, type);
        if (!Objects.equals(inYml, real)) {
            throw new AssertionError(prefix + ": application.yml documents " + inYml + " but the defaults are " + real);
        }
    }
}
