package parkworld.pipeline.ingest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The operator endpoints ({@code /operator/**}, {@code /actuator/ingest}), HTTP basic authentication. There is no
 * default: with {@code password} unset every request to them is refused (401). Set both from the environment
 * ({@code PARKWORLD_INGEST_OPERATOR_USERNAME}, {@code PARKWORLD_INGEST_OPERATOR_PASSWORD}), never in a file in the
 * repository.
 *
 * @param username       the operator's user name
 * @param password       the operator's password; unset = the operator endpoints accept nobody
 * @param backfillFolder the only folder a backfill may read (the request cannot name another); unset = no folder
 *                       backfill
 * @param maxBackfillUrls the most URLs one backfill request may list
 */
@Validated
@ConfigurationProperties("parkworld.ingest.operator")
public record OperatorProperties(@DefaultValue("operator") String username, String password, Path backfillFolder,
        @Min(1) @Max(100_000) @DefaultValue("5000") int maxBackfillUrls) {

    /** Whether anyone can log in. */
    public boolean enabled() {
        return this.password != null && !this.password.isBlank() && this.username != null && !this.username.isBlank();
    }
}
