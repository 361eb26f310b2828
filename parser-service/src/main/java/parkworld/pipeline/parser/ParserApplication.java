package parkworld.pipeline.parser;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import parkworld.pipeline.parser.cli.ParseCommand;

/** Turns each fetched 园区周报 issue into one event per article on {@code parkworld.articles}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParserApplication {

    public static void main(String[] args) {
        // `parse FILE.pdf` is a one-off command: plain Java, no Spring, so no Kafka binder and no web server
        if (args.length > 0 && ParseCommand.NAME.equals(args[0])) {
            ParseCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(ParserApplication.class, args);
    }
}
