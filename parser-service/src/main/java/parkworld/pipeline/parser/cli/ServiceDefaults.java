package parkworld.pipeline.parser.cli;

import org.springframework.boot.context.properties.bind.Binder;
import parkworld.pipeline.parser.ParserProperties;
import parkworld.pipeline.parser.QualityProperties;

/**
 * The parser settings the service starts with when nothing is configured, taken from {@link ParserProperties}'
 * own defaults so the command and the service cannot drift apart. Binding needs no application context.
 */
final class ServiceDefaults {

    private ServiceDefaults() {
    }

    static ParserProperties parser() {
        return new Binder().bindOrCreate("parkworld.parser", ParserProperties.class);
    }

    static QualityProperties quality() {
        return new Binder().bindOrCreate("parkworld.parser.quality", QualityProperties.class);
    }
}
