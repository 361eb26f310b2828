package parkworld.pipeline.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static parkworld.pipeline.ingest.fetch.RobotsTxtFetchTests.reasonOf;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.contract.PipelineMeters;

/** How the crawler backs off a host in trouble, and keeps to one request at a time per host. */
class HostBackoffTests {

    private static final byte[] PDF = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);

    private final FixtureWebsite site;
    private final List<Duration> sleeps = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    HostBackoffTests() throws Exception {
        this.site = new FixtureWebsite();
    }

    @AfterEach
    void stop() {
        this.site.close();
    }

    private TestCrawler crawler() {
        TestCrawler crawler = new TestCrawler().allow(this.site.uri("/"));
        crawler.sleeper = this.sleeps::add;
        crawler.meters = this.meters;
        return crawler;
    }

    private double backoffs(String reason) {
        return this.meters.counter(PipelineMeters.INGEST_HOST_BACKOFFS, PipelineMeters.TAG_HOST, "127.0.0.1",
                PipelineMeters.TAG_REASON, reason).count();
    }

    @Test
    void aRetryAfterOn503HoldsTheWholeHost() {
        this.site.serve("/a.pdf", 503, new byte[0], Map.of("Retry-After", "7")).serve("/b.pdf", PDF);
        PoliteHttpClient client = crawler().build();

        assertThat(reasonOf(client, this.site.uri("/a.pdf"))).isEqualTo("HTTP_503");
        assertThat(reasonOf(client, this.site.uri("/b.pdf"))).isEqualTo("fetched");

        assertThat(this.sleeps).as("another document of the host waited too").containsExactly(Duration.ofSeconds(7));
        assertThat(backoffs("RETRY_AFTER")).isEqualTo(1);
    }

    @Test
    void aRetryAfterOn429IsWaitedForThenTheRequestIsRetried() {
        this.site.serve("/a.pdf", 429, new byte[0], Map.of("Retry-After", "3")).serve("/a.pdf", PDF);
        TestCrawler crawler = crawler();
        crawler.maxAttempts = 2;

        assertThat(reasonOf(crawler.build(), this.site.uri("/a.pdf"))).isEqualTo("fetched");
        assertThat(this.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsUnderstood() {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));

        assertThat(PoliteHttpClient.parseRetryAfter(inTwoMinutes)).get()
            .satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121)));
        assertThat(PoliteHttpClient.parseRetryAfter("soon")).isEmpty();
        assertThat(PoliteHttpClient.parseRetryAfter("120")).contains(Duration.ofMinutes(2));
    }

    @Test
    void aHostAskingToWaitLongerThanTheCapIsLeftAloneForTheRun() {
        this.site.serve("/a.pdf", 503, new byte[0], Map.of("Retry-After", "86400")).serve("/b.pdf", PDF);
        TestCrawler crawler = crawler();
        crawler.maxRetryAfter = Duration.ofMinutes(10);
        PoliteHttpClient client = crawler.build();

        assertThat(reasonOf(client, this.site.uri("/a.pdf"))).isEqualTo("HTTP_503");
        assertThat(reasonOf(client, this.site.uri("/b.pdf"))).isEqualTo("HOST_ABANDONED");
        assertThat(this.site.requests()).doesNotContain("/b.pdf");
        assertThat(this.sleeps).as("no day-long wait").isEmpty();
    }

    @Test
    void afterConsecutiveFailuresTheHostIsLeftAloneUntilTheNextRun() {
        for (String path : List.of("/1.pdf", "/2.pdf", "/3.pdf")) {
            this.site.serve(path, 500, new byte[0], Map.of());
        }
        this.site.serve("/4.pdf", PDF);
        TestCrawler crawler = crawler();
        crawler.hostFailureLimit = 3;
        PoliteHttpClient client = crawler.build();

        assertThat(List.of("/1.pdf", "/2.pdf", "/3.pdf", "/4.pdf")).map(p -> reasonOf(client, this.site.uri(p)))
            .containsExactly("HTTP_500", "HTTP_500", "HTTP_500", "HOST_ABANDONED");
        assertThat(this.site.requests()).doesNotContain("/4.pdf");
        assertThat(backoffs("ABANDONED")).isEqualTo(1);

        client.newRun();
        assertThat(reasonOf(client, this.site.uri("/4.pdf"))).isEqualTo("fetched");
    }

    @Test
    void aHostAnsweringEveryRequestWithRetryAfterIsLeftAloneAtTheFailureLimit() {
        this.site.serve("/a.pdf", 503, new byte[0], Map.of("Retry-After", "1")).serve("/b.pdf", PDF);
        TestCrawler crawler = crawler();
        crawler.hostFailureLimit = 3;
        crawler.maxAttempts = 10;
        PoliteHttpClient client = crawler.build();

        assertThat(reasonOf(client, this.site.uri("/a.pdf"))).isEqualTo("HTTP_503");
        assertThat(reasonOf(client, this.site.uri("/b.pdf"))).isEqualTo("HOST_ABANDONED");
        assertThat(this.site.requests()).filteredOn(p -> p.equals("/a.pdf")).hasSize(3);
    }

    @Test
    void anAnswerResetsTheFailureCount() {
        this.site.serve("/bad.pdf", 500, new byte[0], Map.of()).serve("/good.pdf", PDF);
        TestCrawler crawler = crawler();
        crawler.hostFailureLimit = 2;
        PoliteHttpClient client = crawler.build();

        for (int i = 0; i < 3; i++) {
            assertThat(reasonOf(client, this.site.uri("/bad.pdf"))).isEqualTo("HTTP_500");
            assertThat(reasonOf(client, this.site.uri("/good.pdf"))).isEqualTo("fetched");
        }
    }

    @Test
    void serverErrorsThenSuccessAreRetriedWithGrowingJitteredBackoff() {
        this.site.serve("/a.pdf", 502, new byte[0], Map.of()).serve("/a.pdf", 500, new byte[0], Map.of())
            .serve("/a.pdf", PDF);
        TestCrawler crawler = crawler();
        crawler.maxAttempts = 3;

        assertThat(reasonOf(crawler.build(), this.site.uri("/a.pdf"))).isEqualTo("fetched");

        assertThat(this.sleeps).hasSize(2);
        assertThat(this.sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(this.sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(backoffs("FAILURE")).isEqualTo(2);
    }

    @Test
    void oneRequestAtATimePerHostAndOthersMeanwhile() throws Exception {
        HostThrottle throttle = new HostThrottle(java.time.Clock.systemUTC(), Sleeper.real());
        CountDownLatch firstHolds = new CountDownLatch(1);
        AtomicBoolean secondStarted = new AtomicBoolean();
        HostThrottle.Slot first = throttle.acquire("www.parkworld.net", Duration.ZERO);
        Thread second = new Thread(() -> {
            try (HostThrottle.Slot slot = throttle.acquire("WWW.parkworld.net", Duration.ZERO)) {
                secondStarted.set(true);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        second.start();
        try (HostThrottle.Slot other = throttle.acquire("cdn.parkworld.net", Duration.ZERO)) {
            assertThat(other).as("another host is not held up").isNotNull();
        }
        assertThat(firstHolds.await(200, TimeUnit.MILLISECONDS)).isFalse();
        assertThat(secondStarted).as("same host waits for the first request to end").isFalse();

        first.close();
        second.join(5000);
        assertThat(secondStarted).isTrue();
    }
}
