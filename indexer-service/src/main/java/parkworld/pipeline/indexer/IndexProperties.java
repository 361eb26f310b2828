package parkworld.pipeline.indexer;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where articles are indexed. The service creates {@code name} with the mapping it ships
 * ({@code elasticsearch/articles-v1.json}) when it is missing and points {@code alias} at it; it writes through the
 * alias and readers (Kibana) read through it, so a future mapping version can be rolled out as a new index and the
 * alias moved.
 *
 * @param alias the alias readers and writers use
 * @param name  the concrete index of this mapping version
 */
@Validated
@ConfigurationProperties("parkworld.indexer.index")
public record IndexProperties(
        @NotBlank @Pattern(regexp = IndexProperties.INDEX_NAME) @DefaultValue("parkworld-articles") String alias,
        @NotBlank @Pattern(regexp = IndexProperties.INDEX_NAME) @DefaultValue("parkworld-articles-v1") String name) {

    /** Lowercase, no spaces or special characters: what Elasticsearch accepts as an index or alias name. */
    static final String INDEX_NAME = "[a-z0-9][a-z0-9._-]{0,254}";

    @AssertTrue(message = "alias and name must differ: the alias points at the versioned index")
    boolean isAliasDistinctFromName() {
        return this.alias == null || !this.alias.equals(this.name);
    }
}
