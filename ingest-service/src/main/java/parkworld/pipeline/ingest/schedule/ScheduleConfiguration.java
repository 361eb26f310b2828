package parkworld.pipeline.ingest.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.TimeZone;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.support.CronTrigger;
import parkworld.pipeline.blob.BlobStore;
import parkworld.pipeline.ingest.CrawlerProperties;
import parkworld.pipeline.ingest.ScheduleProperties;
import parkworld.pipeline.ingest.StateProperties;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;
import parkworld.pipeline.ingest.run.DocumentReader;
import parkworld.pipeline.ingest.run.IssueIngestor;
import parkworld.pipeline.ingest.run.RunProgress;
import parkworld.pipeline.ingest.state.IngestLedger;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduleConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    RunProgress runProgress(Clock clock, MeterRegistry meters) {
        return new RunProgress(clock, Duration.ofSeconds(30), meters);
    }

    @Bean
    IssueIngestor issueIngestor(IssueDiscovery discovery, PoliteHttpClient http, CrawlerProperties crawler,
            BlobStore blobs, IngestLedger ledger, StateProperties state, RunProgress progress, Clock clock,
            MeterRegistry meters) {
        // "pid@host", as the JVM names itself: which replica ran a run, in the status view.
        String replica = ManagementFactory.getRuntimeMXBean().getName();
        return new IssueIngestor(discovery,
                new DocumentReader(http, crawler.maxDocumentSize().toBytes(), crawler.downloadPath()), blobs, ledger,
                state.maxAttempts(), replica, progress, clock, meters);
    }

    @Bean
    IngestScheduler ingestScheduler(IssueIngestor ingestor, PoliteHttpClient http, ScheduleProperties schedule,
            MeterRegistry meters) {
        return new IngestScheduler(ingestor::run, http::newRun, schedule.runDeadline(), schedule.abandonedRunWait(),
                meters);
    }

    @Bean
    StartupAndWeeklyTriggers startupAndWeeklyTriggers(IngestScheduler scheduler, TaskScheduler taskScheduler,
            ScheduleProperties schedule, IngestLedger ledger, Clock clock,
            ObjectProvider<ObservationRegistry> observations) {
        return new StartupAndWeeklyTriggers(scheduler, taskScheduler, schedule, ledger, clock,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    static final class StartupAndWeeklyTriggers {

        private final IngestScheduler scheduler;
        private final TaskScheduler taskScheduler;
        private final ScheduleProperties schedule;
        private final IngestLedger ledger;
        private final Clock clock;
        private final ObservationRegistry observations;

        StartupAndWeeklyTriggers(IngestScheduler scheduler, TaskScheduler taskScheduler, ScheduleProperties schedule,
                IngestLedger ledger, Clock clock, ObservationRegistry observations) {
            this.scheduler = scheduler;
            this.taskScheduler = taskScheduler;
            this.schedule = schedule;
            this.ledger = ledger;
            this.clock = clock;
            this.observations = observations;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onReady() {
            if (!"-".equals(this.schedule.cron())) {
                this.taskScheduler.schedule(() -> observed("schedule", "schedule " + this.schedule.cron()),
                        new CronTrigger(this.schedule.cron(), TimeZone.getTimeZone(this.schedule.zone())));
            }
            if (this.schedule.runOnStartup()) {
                this.taskScheduler.schedule(() -> observed("startup", "startup"), this.clock.instant());
            }
            else if (!"-".equals(this.schedule.cron())) {
                CatchUp catchUp = new CatchUp(this.schedule.cron(), this.schedule.zone(), this.clock);
                this.taskScheduler.schedule(() -> catchUp.reason(this.ledger)
                    .ifPresent(why -> observed("catch-up", why)), this.clock.instant());
            }
        }

        /** One run as the observation {@link IngestScheduler#observed} describes: the root span of its trace. */
        private void observed(String trigger, String why) {
            IngestScheduler.observed(this.observations, trigger, () -> this.scheduler.trigger(why));
        }
    }
}
