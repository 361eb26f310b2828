package parkworld.pipeline.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ElasticsearchPropertiesTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static ElasticsearchProperties properties(String uri, String username, String password, String apiKey) {
        return new ElasticsearchProperties(List.of(URI.create(uri)), username, password, apiKey,
                new ElasticsearchProperties.Tls(null, true), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(5));
    }

    static List<String> violations(ElasticsearchProperties properties) {
        Set<ConstraintViolation<ElasticsearchProperties>> violations = VALIDATOR.validate(properties);
        return violations.stream().map(ConstraintViolation::getMessage).toList();
    }

    @Test
    void acceptsNoAuthenticationBasicAuthenticationOrAnApiKey() {
        assertThat(violations(properties("http://localhost:9200", null, null, null))).isEmpty();
        assertThat(violations(properties("https://es:9200", "elastic", "changeme", null))).isEmpty();
        assertThat(violations(properties("https://es:9200", null, null, "aWQ6a2V5"))).isEmpty();
    }

    @Test
    void refusesBothBasicAuthenticationAndAnApiKey() {
        assertThat(violations(properties("https://es:9200", "elastic", "changeme", "aWQ6a2V5")))
            .containsExactly("set either username and password or api-key, not both");
    }

    @Test
    void refusesAUsernameWithoutPassword() {
        assertThat(violations(properties("https://es:9200", "elastic", null, null)))
            .containsExactly("a username needs a password");
    }

    @Test
    void refusesUrisThatAreNotHttp() {
        assertThat(violations(properties("ftp://es:9200", null, null, null)))
            .containsExactly("uris must be http or https URLs with a host");
    }

    @Test
    void keepsSecretsOutOfItsStringForm() {
        String text = properties("https://es:9200", "elastic", "s3cret-pw", null).toString()
                + properties("https://es:9200", null, null, "s3cret-key").toString();

        assertThat(text).doesNotContain("s3cret").contains("elastic").contains("******");
    }
}
