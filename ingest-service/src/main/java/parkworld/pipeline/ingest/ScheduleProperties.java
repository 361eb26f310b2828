package parkworld.pipeline.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When ingest runs.
 *
 * @param cron         Spring cron expression (second minute hour day month weekday) of the weekly run; {@code -}
 *                     disables the schedule
 * @param zone         time zone of the cron expression
 * @param runOnStartup also run once as soon as the service is ready (on-demand runs and backfills)
 * @param runDeadline  how long one run may take; past it the run is interrupted and abandoned, so a hung run never
 *                     holds back the later ones
 * @param abandonedRunWait how long the trigger waits, past the deadline, for the interrupted run's thread to stop; a
 *                     run finishing a download stops at the latest at its document deadline. Until it has stopped,
 *                     every trigger is refused (never two runs at once)
 */
@Validated
@ConfigurationProperties("parkworld.ingest.schedule")
public record ScheduleProperties(@NotBlank @DefaultValue("0 0 6 * * MON") String cron,
        @NotBlank @DefaultValue("Asia/Shanghai") String zone, @DefaultValue("true") boolean runOnStartup,
        @NotNull @DefaultValue("6h") Duration runDeadline, @NotNull @DefaultValue("1m") Duration abandonedRunWait) {
}
