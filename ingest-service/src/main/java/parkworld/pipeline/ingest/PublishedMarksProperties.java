package parkworld.pipeline.ingest;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Which issues were already announced.
 *
 * @param directory one empty {@code <sha256>.published} file per announced document; local to one ingest instance
 */
@Validated
@ConfigurationProperties("parkworld.ingest.published-marks")
public record PublishedMarksProperties(@NotNull @DefaultValue("data/published") Path directory) {
}
