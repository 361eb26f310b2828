package parkworld.pipeline.localstack;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The run command's options ({@code deploy/run-local --help}); {@link #parse} checks them before anything starts. */
@Command(name = "deploy/run-local", sortOptions = false, usageHelpAutoWidth = false, usageHelpWidth = 110,
        description = "Runs Kafka, Elasticsearch and the three services on this machine and ingests once.",
        exitCodeListHeading = "%nExit status with --exit-when-done:%n",
        exitCodeList = {
            LocalPipeline.EXIT_CLEAN + ":everything fetched was parsed and indexed",
            LocalPipeline.EXIT_FAILED + ":issues failed to download, the source had none, the run failed, or another"
                + " run uses this checkout",
            LocalPipeline.EXIT_USAGE + ":usage error",
            LocalPipeline.EXIT_DEAD_LETTERS + ":records were dead-lettered by the parser or the indexer"})
final class RunOptions {

    static final String DEFAULT_SOURCE = "https://www.parkworld.net/";

    /** {@code host:port}, comma-separated, as {@code bootstrap.servers} takes it. */
    private static final Pattern BOOTSTRAP_SERVERS = Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");

    @Option(names = "--source", paramLabel = "URL|FOLDER|FILE", defaultValue = DEFAULT_SOURCE,
            description = {"a listing page that links to issue PDFs, or a local folder or PDF", "(default: ${DEFAULT-VALUE})"})
    String source;

    @Option(names = "--kafka", paramLabel = "HOST:PORT", description = "use this Kafka instead of starting one")
    String kafka;

    @Option(names = "--elasticsearch", paramLabel = "URL",
            description = {"use this Elasticsearch instead of starting one",
                "(either one: the run uses its own local-<id> topics, consumer groups and index)"})
    URI elasticsearch;

    @Option(names = "--exit-when-done", description = "stop everything once the first ingest has been indexed")
    boolean exitWhenDone;

    @Option(names = "--fresh",
            description = {"start with empty Kafka, Elasticsearch and blob store instead of the ones",
                "kept in target/local-run/ from the last run"})
    boolean fresh;

    @Option(names = "--scale", paramLabel = "SERVICE=N", split = ",",
            description = {"run N instances of parser or indexer, each a process of its own in the",
                "service's consumer group (e.g. --scale parser=2,indexer=2; at most the partitions",
                "of the topic it consumes, see local-stack/RUNNING.md); ingest runs once"})
    Map<String, Integer> scale = new LinkedHashMap<>();

    @Option(names = "--elasticsearch-timeout", paramLabel = "SECONDS",
            defaultValue = "" + ElasticsearchNode.DEFAULT_STARTUP_SECONDS,
            description = "how long the Elasticsearch it starts may take to be ready (default: ${DEFAULT-VALUE})")
    int elasticsearchTimeoutSeconds;

    @Option(names = "--services-timeout", paramLabel = "SECONDS", defaultValue = "180",
            description = "how long the services may take to be ready (default: ${DEFAULT-VALUE})")
    int servicesTimeoutSeconds;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    /**
     * Reads the command line.
     *
     * @throws CommandLine.ParameterException for an unknown option, a missing or malformed value, or an argument
     */
    static RunOptions parse(String... args) {
        RunOptions options = new RunOptions();
        CommandLine commandLine = new CommandLine(options);
        commandLine.parseArgs(args);
        if (options.kafka != null && !BOOTSTRAP_SERVERS.matcher(options.kafka).matches()) {
            throw new CommandLine.ParameterException(commandLine,
                    "--kafka: expected HOST:PORT[,HOST:PORT...] but was '" + options.kafka + "'");
        }
        if (options.elasticsearch != null && (options.elasticsearch.getHost() == null
                || !("http".equals(options.elasticsearch.getScheme()) || "https".equals(options.elasticsearch.getScheme())))) {
            throw new CommandLine.ParameterException(commandLine,
                    "--elasticsearch: expected an http:// or https:// URL but was '" + options.elasticsearch + "'");
        }
        // Every count before any name, as deploy/run-local's check (which knows no service names) says them.
        options.scale.forEach((name, count) -> {
            if (count == null || count < 1) {
                throw new CommandLine.ParameterException(commandLine,
                        "--scale: " + name + " needs a number of instances of at least 1");
            }
        });
        for (Map.Entry<String, Integer> service : options.scale.entrySet()) {
            String name = service.getKey();
            boolean oneIngest = name.equals("ingest") && Integer.valueOf(1).equals(service.getValue());
            if (!PipelineServices.SCALABLE.contains(name + "-service") && !oneIngest) {
                throw new CommandLine.ParameterException(commandLine, "--scale: " + (name.equals("ingest")
                        // Its replicas would not share the work: every run fences the one before it (ingest-service/STATE.md).
                        ? "ingest runs as one instance (each ingest run fences the one before it, see ingest-service/STATE.md)"
                        : "expected parser=N or indexer=N but was '" + name + "'"));
            }
        }
        if (options.elasticsearchTimeoutSeconds < 1 || options.servicesTimeoutSeconds < 1) {
            throw new CommandLine.ParameterException(commandLine,
                    "--elasticsearch-timeout and --services-timeout need a number of seconds of at least 1");
        }
        if (options.source.isBlank()) {
            throw new CommandLine.ParameterException(commandLine, "--source: needs a URL, folder or file");
        }
        return options;
    }

    /** The generated help, exactly as {@code --help} prints it. */
    static String usage() {
        StringWriter text = new StringWriter();
        new CommandLine(new RunOptions()).usage(new PrintWriter(text, true));
        return text.toString();
    }

    Duration elasticsearchTimeout() {
        return Duration.ofSeconds(this.elasticsearchTimeoutSeconds);
    }

    Duration servicesTimeout() {
        return Duration.ofSeconds(this.servicesTimeoutSeconds);
    }

    /** Instances per service ({@code parser-service} to 2...): 1 for a service {@code --scale} does not name. */
    Map<String, Integer> instances() {
        Map<String, Integer> instances = new LinkedHashMap<>();
        this.scale.forEach((service, count) -> {
            if (PipelineServices.SCALABLE.contains(service + "-service")) {
                instances.put(service + "-service", count);
            }
        });
        return instances;
    }

    /**
     * Whether this run goes on from the Kafka, Elasticsearch and blob store data of the last one: only when it
     * starts both itself (with a given one, its own per-run topics and index would see none of the kept issues).
     */
    boolean keepsData() {
        return !this.fresh && !sharesInfrastructure();
    }

    /** True when the run uses existing infrastructure and so must keep off its production names. */
    boolean sharesInfrastructure() {
        return this.kafka != null || this.elasticsearch != null;
    }

    /** The Elasticsearch URL without a trailing slash, or null when the run starts its own. */
    String elasticsearchUrl() {
        if (this.elasticsearch == null) {
            return null;
        }
        String url = this.elasticsearch.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether the source is a web page rather than a local file or folder. */
    boolean sourceIsWeb() {
        return this.source.matches("(?i)https?://.*");
    }
}
