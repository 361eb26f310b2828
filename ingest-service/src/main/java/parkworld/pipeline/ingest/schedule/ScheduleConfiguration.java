package parkworld.pipeline.ingest.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Instant;
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
import parkworld.pipeline.contract.PipelineMeters;
import parkworld.pipeline.ingest.CrawlerProperties;
import parkworld.pipeline.ingest.ScheduleProperties;
import parkworld.pipeline.ingest.discovery.IssueDiscovery;
import parkworld.pipeline.ingest.fetch.PoliteHttpClient;
import parkworld.pipeline.ingest.run.DocumentReader;
import parkworld.pipeline.ingest.run.IssueAnnouncer;
import parkworld.pipeline.ingest.run.IssueIngestor;
import parkworld.pipeline.ingest.store.PublishedMarks;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ScheduleConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    IssueIngestor issueIngestor(IssueDiscovery discovery, PoliteHttpClient http, CrawlerProperties crawler,
            BlobStore blobs, PublishedMarks published, IssueAnnouncer announcer, Clock clock, MeterRegistry meters) {
        return new IssueIngestor(discovery,
                new DocumentReader(http, crawler.maxDocumentSize().toBytes(), crawler.downloadPath()), blobs,
                published, announcer, clock, meters);
    }

    @Bean
    IngestScheduler ingestScheduler(IssueIngestor ingestor, PoliteHttpClient http, ScheduleProperties schedule,
            MeterRegistry meters) {
        return new IngestScheduler(() -> {
            http.newRun();
            return ingestor.run();
        }, schedule.runDeadline(), meters);
    }

    @Bean
    StartupAndWeeklyTriggers startupAndWeeklyTriggers(IngestScheduler scheduler, TaskScheduler taskScheduler,
            ScheduleProperties schedule, ObjectProvider<ObservationRegistry> observations) {
        return new StartupAndWeeklyTriggers(scheduler, taskScheduler, schedule,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    static final class StartupAndWeeklyTriggers {

        private final IngestScheduler scheduler;
        private final TaskScheduler taskScheduler;
        private final ScheduleProperties schedule;
        private final ObservationRegistry observations;

        StartupAndWeeklyTriggers(IngestScheduler scheduler, TaskScheduler taskScheduler, ScheduleProperties schedule,
                ObservationRegistry observations) {
            this.scheduler = scheduler;
            this.taskScheduler = taskScheduler;
            this.schedule = schedule;
            this.observations = observations;
        }

        @EventListener(ApplicationReadyEvent.class)
        void onReady() {
            if (!"-".equals(this.schedule.cron())) {
                this.taskScheduler.schedule(() -> observed("schedule", "schedule " + this.schedule.cron()),
                        new CronTrigger(this.schedule.cron(), TimeZone.getTimeZone(this.schedule.zone())));
            }
            if (this.schedule.runOnStartup()) {
                this.taskScheduler.schedule(() -> observed("startup", "startup"), Instant.now());
            }
        }

        /**
         * One run as an observation ({@link PipelineMeters#INGEST_TRIGGER}), the root span of its trace: the fetches
         * happen inside it, and each IssueFetched sent carries it on (traceparent header) to the parser, so one trace
         * leads from the fetch to the parse. (A plain span would not do: sends are observations, children of the
         * current observation, not of the current span.)
         */
        private void observed(String trigger, String why) {
            Observation.createNotStarted(PipelineMeters.INGEST_TRIGGER, this.observations)
                .contextualName("ingest run")
                .lowCardinalityKeyValue("trigger", trigger)
                .observe(() -> this.scheduler.trigger(why));
        }
    }
}
