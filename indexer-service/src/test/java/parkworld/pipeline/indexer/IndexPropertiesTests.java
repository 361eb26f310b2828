package parkworld.pipeline.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexPropertiesTests {

    static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    static List<String> violations(String alias, String name) {
        return VALIDATOR.validate(new IndexProperties(alias, name))
            .stream()
            .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
            .toList();
    }

    @Test
    void acceptsTheDefaults() {
        assertThat(violations("parkworld-articles", "parkworld-articles-v1")).isEmpty();
    }

    @Test
    void refusesAnAliasNamedLikeTheIndex() {
        assertThat(violations("parkworld-articles", "parkworld-articles"))
            .containsExactly("aliasDistinctFromName alias and name must differ: the alias points at the versioned index");
    }

    @Test
    void refusesNamesElasticsearchWouldRefuse() {
        assertThat(violations("Parkworld Articles", "parkworld-articles-v1")).singleElement()
            .asString()
            .startsWith("alias ");
    }
}
