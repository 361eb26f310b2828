package parkworld.pipeline.benchmarks.backfill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import parkworld.pipeline.contract.EventJson;
import parkworld.pipeline.contract.IssueParsed;
import parkworld.pipeline.contract.Topics;
import parkworld.pipeline.localstack.ElasticsearchNode;
import parkworld.pipeline.localstack.KafkaBroker;
import parkworld.pipeline.localstack.PipelineProgress;
import parkworld.pipeline.localstack.PipelineServices;
import parkworld.pipeline.localstack.ServiceMetrics;

/**
 * The backfill benchmark: a fresh local stack (Kafka, Elasticsearch, the three packaged services), a folder backfill
 * of a corpus through ingest, parser and indexer, then a replay of the stored archive, each timed from its first
 * {@code IssueFetched} (record timestamp) to its last article searchable; then plain PDFBox extraction of the same
 * PDFs in a JVM of its own with the parser's JVM options, for the ratio. Started by {@code benchmarks/run-backfill}.
 *
 * <pre>java -Dparkworld.project.root=. -cp benchmarks/target/benchmarks.jar
 *     parkworld.pipeline.benchmarks.backfill.BackfillBenchmark --corpus DIR --out DIR [--build WHAT]</pre>
 *
 * Needs {@code PARKWORLD_INGEST_OPERATOR_PASSWORD} in the environment (the ingest service inherits it; the harness
 * uses it for the operator endpoints). Exits 1, naming what is missing, when an issue is dead-lettered, ingest fails
 * one, or articles do not all become searchable.
 */
public final class BackfillBenchmark {

    static final String ALIAS = "parkworld-articles";
    static final String PASSWORD_VARIABLE = "PARKWORLD_INGEST_OPERATOR_PASSWORD";
    /** A phase making no progress (nothing new fetched, parsed or searchable) this long has failed. */
    private static final Duration STALL = Duration.ofMinutes(5);
    private static final Duration SEARCHABLE_POLL = Duration.ofMillis(250);
    /**
     * How often the services' Prometheus scrapes are read (heap used; dead letters, failures and exits checked). Not
     * every second: a scrape costs the service CPU (every meter written out, the binder's lag gauges), and two a second
     * per service were about a tenth of the parser's CPU during a backfill (JFR, benchmarks/README.md), a cost no
     * deployment pays at a usual scrape interval of 15 s or more. Lag and RSS stay sampled every second.
     */
    static final Duration SCRAPE_INTERVAL = Duration.ofSeconds(5);

    private final Path root;
    private final Path corpus;
    private final Path out;
    private final String build;
    private final List<Integer> parserCounts;
    private final List<String> report = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private BackfillBenchmark(Path root, Path corpus, Path out, String build, List<Integer> parserCounts) {
        this.parserCounts = parserCounts;
        this.root = root;
        this.corpus = corpus;
        this.out = out;
        this.build = build;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Path root = Path.of(System.getProperty("parkworld.project.root", ".")).toAbsolutePath().normalize();
        Path corpus = Path.of(required(options, "corpus")).toAbsolutePath().normalize();
        Path out = Path.of(options.getOrDefault("out", root.resolve("target/backfill-benchmark").toString()))
            .toAbsolutePath().normalize();
        if (System.getenv(PASSWORD_VARIABLE) == null || System.getenv(PASSWORD_VARIABLE).isBlank()) {
            fail(PASSWORD_VARIABLE + " is not set: the ingest service inherits it, and the harness needs it for "
                    + "/operator/backfills and /operator/replays");
        }
        BackfillBenchmark benchmark = new BackfillBenchmark(root, corpus, out, options.getOrDefault("build", "not said"),
                java.util.Arrays.stream(options.getOrDefault("parsers", "1").split(",")).map(String::strip)
                    .map(Integer::valueOf).toList());
        try {
            benchmark.run();
        }
        catch (BenchmarkFailure ex) {
            benchmark.write();
            fail(ex.getMessage());
        }
        System.exit(0);
    }

    /** What one stack (one parser instance count) measured. */
    private record Run(int parsers, List<PhaseResult> phases, Baseline baseline, Map<String, Double> readyAfter,
            int earlyIssues, Map<String, Long> rssAtEarly, Map<String, Long> rssAtEnd) {
    }

    private void run() throws Exception {
        List<Path> pdfs = pdfs(this.corpus);
        if (pdfs.isEmpty()) {
            throw new BenchmarkFailure("no PDFs in " + this.corpus);
        }
        Files.createDirectories(this.out);
        say(String.format(Locale.ROOT, "corpus %s: %d PDFs; machine: %d cores, %s; load average before: %s",
                this.corpus, pdfs.size(), Runtime.getRuntime().availableProcessors(), memory(), loadAverage()));
        say("build: " + this.build);
        List<Run> runs = new ArrayList<>();
        for (int parsers : this.parserCounts) {
            runs.add(runOnce(pdfs, parsers));
        }
        List<ArticlesChart.Series> series = new ArrayList<>();
        for (Run run : runs) {
            say("");
            say("== " + run.parsers() + " parser instance" + (run.parsers() == 1 ? "" : "s"));
            say("start-up to ready (all started together): " + format(run.readyAfter()));
            say(String.format(Locale.ROOT, "extraction alone (%d thread(s)): %d files, %d pages in %.1f s",
                    run.parsers(), run.baseline().files(), run.baseline().pages(), run.baseline().seconds()));
            for (PhaseResult measured : run.phases()) {
                PhaseResult phase = withPages(measured, run.baseline().pages());
                say(phase.name() + ":");
                Figures.stageLines(phase).forEach(this::say);
                say(Figures.lagLine(phase));
                Figures.memoryLines(phase).forEach(this::say);
                series.add(new ArticlesChart.Series(phase.name() + ", " + run.parsers() + " parser(s)",
                        phase.samples().stream().map(s -> new double[] { s.seconds(), s.searchable() }).toList()));
            }
            say("RSS after " + run.earlyIssues() + " issues parsed -> after the backfill of all " + pdfs.size() + ":");
            run.rssAtEnd().forEach((process, end) -> say(String.format(Locale.ROOT, "  %-20s %s -> %s", process,
                    Figures.mib(run.rssAtEarly().getOrDefault(process, -1L)), Figures.mib(end))));
        }
        Path chart = this.out.resolve("articles-searchable.png");
        ArticlesChart.write(chart, "Articles searchable over time (" + pdfs.size() + " issues)", series);
        say("");
        say("chart: " + chart);
        for (Run run : runs) {
            say("");
            say(run.parsers() + " parser instance" + (run.parsers() == 1 ? "" : "s") + ":");
            for (PhaseResult measured : run.phases()) {
                say(Figures.summaryLine(withPages(measured, run.baseline().pages()), run.baseline().seconds()));
            }
        }
        write();
    }

    private Run runOnce(List<Path> pdfs, int parsers) throws Exception {
        say("");
        say("-- a fresh stack with " + parsers + " parser instance(s); load average now: " + loadAverage());
        Path work = this.out.resolve("run-parsers-" + parsers);
        deleteRecursively(work);
        Path emptySource = Files.createDirectories(work.resolve("empty-source"));
        List<PhaseResult> phases = new ArrayList<>();
        int earlyIssues = Math.min(30, pdfs.size());
        Map<String, Long> rssAtEarly = new TreeMap<>();
        Map<String, Long> rssAtEnd = new TreeMap<>();
        Map<String, Double> readyAfter;
        List<String> parserJvmOptions;
        try (KafkaBroker kafka = KafkaBroker.start(work.resolve("logs/kafka.log"));
                ElasticsearchNode elasticsearch = ElasticsearchNode.start(work.resolve("logs/elasticsearch.log"))) {
            Map<String, String> properties = new LinkedHashMap<>();
            // The folder the operator's backfill reads; the startup run reads an empty one, so nothing is fetched
            // before every service is ready and the clock starts.
            properties.put("parkworld.ingest.operator.backfill-folder", this.corpus.toString());
            try (PipelineServices services = PipelineServices.start(new PipelineServices.Settings(this.root,
                    kafka.bootstrapServers(), elasticsearch.httpUrl(), emptySource.toString(), work, properties,
                    Map.of("parser-service", parsers)))) {
                readyAfter = awaitReady(services);
                say("start-up to ready: " + format(readyAfter));
                Map<String, ProcessHandle> processes = ServiceProcesses.started();
                parserJvmOptions = ServiceProcesses.jvmOptions(processes.get("parser-service"));
                awaitStartupRun(services);
                String ingest = services.healthUrls().get("ingest-service").replace("/actuator/health", "");
                try (PipelineProbe probe = new PipelineProbe(kafka.bootstrapServers(), elasticsearch.httpUrl(), ALIAS,
                        List.of(Topics.ISSUES_FETCHED, Topics.ISSUES_PARSED))) {
                    Phase backfill = new Phase("backfill", pdfs.size(), null);
                    operator(ingest, "/operator/backfills", "{\"folder\":true}");
                    backfill.run(services, probe, processes, earlyIssues, rssAtEarly);
                    phases.add(backfill.result(0));
                    rssAtEnd.putAll(rss(processes));
                    Phase replay = new Phase("replay", pdfs.size(), Instant.now());
                    operator(ingest, "/operator/replays", null);
                    replay.run(services, probe, processes, 0, new TreeMap<>());
                    phases.add(replay.result(0));
                }
            }
        }
        say("load average after the pipeline: " + loadAverage() + "; extraction baseline with "
                + String.join(" ", parserJvmOptions) + ", " + parsers + " thread(s)");
        Baseline baseline = extractionBaseline(parserJvmOptions, parsers);
        return new Run(parsers, phases, baseline, readyAfter, earlyIssues, rssAtEarly, rssAtEnd);
    }

    private static PhaseResult withPages(PhaseResult phase, long pages) {
        return new PhaseResult(phase.name(), phase.issues(), pages, phase.articles(), phase.requested(),
                phase.firstFetched(), phase.lastFetched(), phase.lastParsed(), phase.lastSearchable(), phase.samples());
    }

    /** One phase: waits for its issues to be fetched, parsed and searchable, sampling as it goes. */
    private final class Phase {

        private final String name;
        private final int expectedIssues;
        /** For a replay, only articles parsed since then count as searchable (the ids are overwritten in place). */
        private final Instant parsedSince;
        private final Instant requested = Instant.now();
        private final List<Sample> samples = new ArrayList<>();
        private final Map<String, List<String>> articlesByIssue = new LinkedHashMap<>();
        private Instant firstFetched;
        private Instant lastFetched;
        private Instant lastParsed;
        private Instant lastSearchable;
        private long fetched;

        Phase(String name, int expectedIssues, Instant parsedSince) {
            this.name = name;
            this.expectedIssues = expectedIssues;
            this.parsedSince = parsedSince;
        }

        void run(PipelineServices services, PipelineProbe probe, Map<String, ProcessHandle> processes,
                int earlyIssues, Map<String, Long> rssAtEarly) throws Exception {
            PipelineProgress before = services.progress();
            long lastChange = System.nanoTime();
            long lastSample = 0;
            long lastScrape = 0;
            long lastSeen = -1;
            say(this.name + ": requested; waiting for " + this.expectedIssues + " issues");
            while (true) {
                boolean changed = false;
                for (ConsumerRecord<String, byte[]> record : probe.poll()) {
                    Instant at = Instant.ofEpochMilli(record.timestamp());
                    if (at.isBefore(this.requested.minusSeconds(1))) {
                        continue; // the backfill's records, read again at the start of the replay
                    }
                    changed = true;
                    if (record.topic().equals(Topics.ISSUES_FETCHED)) {
                        this.fetched++;
                        this.firstFetched = this.firstFetched == null || at.isBefore(this.firstFetched) ? at
                                : this.firstFetched;
                        this.lastFetched = this.lastFetched == null || at.isAfter(this.lastFetched) ? at
                                : this.lastFetched;
                    }
                    else {
                        IssueParsed parsed = EventJson.read(record.value(), IssueParsed.class);
                        this.articlesByIssue.put(parsed.issueKey(), parsed.articleIds());
                        this.lastParsed = this.lastParsed == null || at.isAfter(this.lastParsed) ? at : this.lastParsed;
                        if (this.articlesByIssue.size() == earlyIssues) {
                            rssAtEarly.putAll(rss(processes));
                        }
                    }
                }
                long searchable = probe.searchable(this.parsedSince);
                Instant now = Instant.now();
                if (searchable != lastSeen) {
                    changed = true;
                    lastSeen = searchable;
                }
                if (System.nanoTime() - lastSample >= 1_000_000_000L) {
                    lastSample = System.nanoTime();
                    boolean scrape = System.nanoTime() - lastScrape >= SCRAPE_INTERVAL.toNanos();
                    this.samples.add(new Sample(Figures.seconds(this.requested, now), searchable, probe.lag(),
                            rss(processes), scrape ? heap(services) : Map.of()));
                    if (scrape) {
                        lastScrape = System.nanoTime();
                        check(services, before);
                    }
                }
                else {
                    this.samples.add(new Sample(Figures.seconds(this.requested, now), searchable, Map.of(), Map.of(),
                            Map.of()));
                }
                if (this.articlesByIssue.size() >= this.expectedIssues && searchable >= articles()) {
                    this.lastSearchable = now;
                    say(String.format(Locale.ROOT, "%s done: %d issues, %d articles searchable %.1f s after the request", this.name,
                            this.articlesByIssue.size(), searchable, Figures.seconds(this.requested, now)));
                    return;
                }
                if (changed) {
                    lastChange = System.nanoTime();
                }
                else if (System.nanoTime() - lastChange > STALL.toNanos()) {
                    throw new BenchmarkFailure(stalled(probe, services, searchable));
                }
                Thread.sleep(SEARCHABLE_POLL.toMillis());
            }
        }

        private long articles() {
            return this.articlesByIssue.values().stream().mapToLong(List::size).sum();
        }

        /** Fails at once on a dead letter, an ingest failure or a service that stopped. */
        private void check(PipelineServices services, PipelineProgress before) {
            List<String> exited = services.exited();
            if (!exited.isEmpty()) {
                throw new BenchmarkFailure(exited + " stopped; see " + services.logFile(exited.get(0)));
            }
            PipelineProgress now = services.progress();
            List<String> problems = new ArrayList<>();
            if (now.issuesFailed() > before.issuesFailed()) {
                problems.add("ingest failed to fetch issues: " + now.ingestFailures());
            }
            if (now.issuesRejected() > before.issuesRejected()) {
                problems.add("the parser dead-lettered issues: " + now.parserDeadLetters() + " (topic "
                        + Topics.PARSER_DEAD_LETTER + "; log " + services.logFile("parser-service") + ")");
            }
            if (now.deadLetters() > before.deadLetters()) {
                problems.add("the indexer dead-lettered articles: " + now.indexerDeadLetters() + " (topic "
                        + Topics.INDEXER_DEAD_LETTER + "; log " + services.logFile("indexer-service") + ")");
            }
            if (!problems.isEmpty()) {
                throw new BenchmarkFailure(this.name + ": " + String.join("; ", problems));
            }
        }

        private String stalled(PipelineProbe probe, PipelineServices services, long searchable) {
            StringBuilder why = new StringBuilder(String.format(Locale.ROOT, "%s: no progress for %d minutes: %d "
                    + "IssueFetched, %d of %d issues parsed, %d of %d articles searchable", this.name, STALL.toMinutes(),
                    this.fetched, this.articlesByIssue.size(), this.expectedIssues, searchable, articles()));
            try {
                Map<String, List<String>> missing = new TreeMap<>();
                for (Map.Entry<String, List<String>> issue : this.articlesByIssue.entrySet()) {
                    List<String> gone = probe.missing(issue.getValue(), this.parsedSince);
                    if (!gone.isEmpty()) {
                        missing.put(issue.getKey(), gone);
                    }
                }
                missing.forEach((issue, ids) -> why.append("\n  ").append(issue).append(": ").append(ids.size())
                    .append(" articles not searchable, e.g. ").append(ids.subList(0, Math.min(5, ids.size()))));
            }
            catch (IOException ex) {
                why.append("\n  (cannot list the missing articles: ").append(ex.getMessage()).append(')');
            }
            why.append("\n  logs: ").append(services.logFile("parser-service").getParent());
            return why.toString();
        }

        PhaseResult result(long pages) {
            if (this.firstFetched == null) {
                throw new BenchmarkFailure(this.name + ": no IssueFetched was read");
            }
            return new PhaseResult(this.name, this.articlesByIssue.size(), pages, articles(), this.requested,
                    this.firstFetched, this.lastFetched, this.lastParsed, this.lastSearchable, this.samples);
        }
    }

    /**
     * Seconds each instance took from its own process start to readiness, in start order. Not from before
     * {@code PipelineServices.start}: that also gives the topics their partitions and, after a build, runs the class
     * data sharing trainings (a minute or more), which no start-up of a service includes.
     */
    private static Map<String, Double> awaitReady(PipelineServices services) throws InterruptedException {
        try {
            services.awaitReady(Duration.ofMinutes(3));
        }
        catch (IllegalStateException ex) {
            throw new BenchmarkFailure(ex.getMessage());
        }
        Map<String, Double> ready = new LinkedHashMap<>();
        Map<String, Duration> readyAfter = services.readyAfter();
        services.healthUrls().keySet().forEach(name -> ready.put(name, readyAfter.get(name).toMillis() / 1000.0));
        return ready;
    }

    /** Ingest's start-up run (over the empty folder) must be over, or the backfill request would get 409. */
    private static void awaitStartupRun(PipelineServices services) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!services.progress().ingestRunDone()) {
            if (System.nanoTime() > deadline) {
                throw new BenchmarkFailure("ingest's start-up run over the empty folder did not end within a minute");
            }
            Thread.sleep(200);
        }
    }

    private void operator(String ingest, String path, String json) throws IOException, InterruptedException {
        String credentials = "operator:" + System.getenv(PASSWORD_VARIABLE);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ingest + path))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new BenchmarkFailure("POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static Map<String, Long> rss(Map<String, ProcessHandle> processes) {
        Map<String, Long> rss = new TreeMap<>();
        processes.forEach((name, process) -> {
            long bytes = ServiceProcesses.residentBytes(process.pid());
            if (bytes >= 0) {
                rss.put(name, bytes);
            }
        });
        return rss;
    }

    /** {@code jvm.memory.used} in the heap area, per service, from the Prometheus scrapes. */
    private static Map<String, Long> heap(PipelineServices services) {
        Map<String, Long> heap = new TreeMap<>();
        services.scrapes().forEach((name, scrape) -> {
            if (!scrape.isEmpty()) {
                heap.put(name, Math.round(ServiceMetrics.sum(scrape, "jvm_memory_used_bytes", Map.of("area", "heap"))));
            }
        });
        return heap;
    }

    record Baseline(int files, long pages, double seconds) {
    }

    /** Plain extraction of the corpus in a JVM of its own, with the parser's JVM options and thread count. */
    private Baseline extractionBaseline(List<String> jvmOptions, int threads) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ExtractionBaseline.class.getName());
        command.add(this.corpus.toString());
        command.add(Integer.toString(threads));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new BenchmarkFailure("the extraction baseline failed:\n" + output);
        }
        return parseBaseline(output);
    }

    static Baseline parseBaseline(String output) {
        for (String line : output.split("\n")) {
            if (line.startsWith("extraction: ")) {
                String[] f = line.split("\\s+");
                return new Baseline(Integer.parseInt(f[2]), Long.parseLong(f[4]), Double.parseDouble(f[8]));
            }
        }
        throw new BenchmarkFailure("the extraction baseline printed no result:\n" + output);
    }

    private static List<Path> pdfs(Path folder) throws IOException {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted().toList();
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        }
        catch (IOException ex) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        }
        catch (IOException ex) {
            return "memory unknown";
        }
    }

    private static String format(Map<String, Double> seconds) {
        StringBuilder line = new StringBuilder();
        seconds.forEach((name, s) -> line.append(line.isEmpty() ? "" : ", ")
            .append(String.format(Locale.ROOT, "%s %.1f s", name, s)));
        return line.toString();
    }

    private void say(String line) {
        System.out.println(line);
        this.report.add(line);
    }

    /** Everything printed, also as {@code report.txt} next to the chart. */
    private void write() throws IOException {
        Files.createDirectories(this.out);
        Files.write(this.out.resolve("report.txt"), this.report);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("usage: BackfillBenchmark --corpus DIR [--out DIR] [--parsers 1,2] [--build WHAT]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            fail("--" + name + " is required");
        }
        return value;
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void fail(String message) {
        System.err.println("backfill benchmark FAILED: " + message);
        System.exit(1);
    }

    /** The run cannot give honest figures: something was lost, or did not finish. */
    static final class BenchmarkFailure extends RuntimeException {

        BenchmarkFailure(String message) {
            super(message);
        }
    }
}
