package parkworld.pipeline.parser;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Turns each fetched 园区周报 issue into one event per article on {@code parkworld.articles}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ParserApplication {

    public static void main(String[] args) {
        SpringApplication.run(ParserApplication.class, args);
    }
}
