package parkworld.pipeline.benchmarks.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a corpus of distinct, realistic 园区周报 issues as PDFs, for benchmarks that need more than the one fixture:
 * weekly issues from {@link #FIRST_ISSUE_DATE} on (serial 1, 2, ...), each with 3 or 4 sections, 30 to 50 articles
 * and 15 to 25 pages, laid out like the real issue (see {@link IssueRenderer}) with an embedded Chinese font and a
 * few pictures. Issue {@code n} depends only on the seed and {@code n}: the same seed gives the same files, byte for
 * byte, and a corpus of 30 is the first 30 issues of the corpus of 300.
 *
 * <p>{@link #write} keeps a manifest ({@value #MANIFEST}) in the directory with the generator version, the seed and
 * each file's size and SHA-256, and writes only the issues whose file is missing or differs. Plain class, no Spring;
 * {@link #main} is the command line.
 */
public final class CorpusGenerator {

    /** Changes whenever the same seed would give different files; files of another version are rewritten. */
    public static final String VERSION = "1";

    public static final String MANIFEST = "corpus-manifest.properties";

    /** The date of serial 1; later issues follow weekly. */
    public static final LocalDate FIRST_ISSUE_DATE = LocalDate.of(2018, 1, 5);

    public static final int MIN_PAGES = 15;

    public static final int MAX_PAGES = 25;

    public static final int MIN_ARTICLES = 30;

    public static final int MAX_ARTICLES = 50;

    /** Layouts tried before an issue whose pages miss the bounds is given up (it never happened with version 1). */
    private static final int MAX_ATTEMPTS = 8;

    /** Characters an article page holds, and what an article, a picture and a section cost beyond their text. */
    private static final int CHARS_PER_PAGE = 1_750;

    private static final int CHARS_PER_ARTICLE = 280;

    private static final int CHARS_PER_PICTURE = 380;

    private final int threads;

    /** Generates on as many threads as there are processors. */
    public CorpusGenerator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public CorpusGenerator(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive but was " + threads);
        }
        this.threads = threads;
    }

    /**
     * Makes sure {@code directory} holds issues 1 to {@code count} of the corpus of {@code seed}, as files
     * {@code issue-0001.pdf} ..., and returns them in serial order. Files already there and identical to what would
     * be written (as the manifest records them) are kept; other files in the directory are left alone.
     *
     * @throws IllegalArgumentException if {@code count} is not positive
     * @throws UncheckedIOException if the directory or a file cannot be written
     */
    public List<GeneratedIssue> write(Path directory, int count, long seed) {
        Objects.requireNonNull(directory, "directory");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive but was " + count);
        }
        try {
            Files.createDirectories(directory);
            Map<Integer, GeneratedIssue> known = readManifest(directory, seed);
            List<GeneratedIssue> issues = new ArrayList<>(count);
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(this.threads, count), (task) -> {
                Thread thread = new Thread(task, "corpus-generator");
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<GeneratedIssue>> futures = new ArrayList<>(count);
                for (int serial = 1; serial <= count; serial++) {
                    int n = serial;
                    GeneratedIssue recorded = known.get(n);
                    futures.add(pool.submit(() -> reuseOrWrite(directory, n, seed, recorded)));
                }
                for (Future<GeneratedIssue> future : futures) {
                    issues.add(future.get());
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while generating the corpus", ex);
            }
            catch (ExecutionException ex) {
                if (ex.getCause() instanceof UncheckedIOException io) {
                    throw io;
                }
                if (ex.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(ex.getCause());
            }
            finally {
                pool.shutdownNow();
            }
            Map<Integer, GeneratedIssue> all = new TreeMap<>(known);
            issues.forEach((issue) -> all.put(issue.serial(), issue));
            writeManifest(directory, seed, all);
            return List.copyOf(issues);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * The text of issue {@code serial} of the corpus of {@code seed} as first drafted, without laying it out. The
     * issue written has the same sections and articles; only if this draft missed the page bounds, its bodies were
     * drafted again longer or shorter (see {@link #generate}).
     */
    static IssueContent content(int serial, long seed) {
        return plan(serial, seed, 0, 1.0);
    }

    /** The file name of an issue in the corpus directory. */
    public static String fileName(int serial) {
        return String.format(Locale.ROOT, "issue-%04d.pdf", serial);
    }

    private GeneratedIssue reuseOrWrite(Path directory, int serial, long seed, GeneratedIssue recorded)
            throws IOException {
        Path file = directory.resolve(fileName(serial));
        if (recorded != null && Files.isRegularFile(file) && Files.size(file) == recorded.bytes()
                && sha256(Files.readAllBytes(file)).equals(recorded.sha256())) {
            return new GeneratedIssue(file, serial, recorded.date(), recorded.label(), recorded.pages(),
                    recorded.sections(), recorded.articles(), recorded.bytes(), recorded.sha256(), true);
        }
        Generated generated = generate(serial, seed);
        Path partial = directory.resolve(fileName(serial) + ".partial");
        Files.write(partial, generated.rendered().pdf());
        move(partial, file);
        IssueContent content = generated.content();
        return new GeneratedIssue(file, serial, content.date(), content.label(), generated.rendered().pages(),
                content.sections().size(), content.articleCount(), generated.rendered().pdf().length,
                sha256(generated.rendered().pdf()), false);
    }

    /** An issue's text and its PDF. */
    record Generated(IssueContent content, IssueRenderer.Rendered rendered) {
    }

    /** Lays the issue out, and again with longer or shorter bodies while its page count misses the bounds. */
    static Generated generate(int serial, long seed) {
        IssueRenderer renderer = new IssueRenderer();
        double scale = 1.0;
        IssueRenderer.Rendered rendered = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            IssueContent content = plan(serial, seed, attempt, scale);
            rendered = renderer.render(content);
            int pages = rendered.pages();
            if (pages >= MIN_PAGES && pages <= MAX_PAGES) {
                return new Generated(content, rendered);
            }
            int target = (pages < MIN_PAGES) ? MIN_PAGES + 2 : MAX_PAGES - 2;
            scale *= (double) (target - 1 - rendered.tocPages()) / Math.max(1, pages - 1 - rendered.tocPages());
        }
        throw new IllegalStateException("issue " + serial + " of seed " + seed + " has " + rendered.pages()
                + " pages after " + MAX_ATTEMPTS + " layouts, not " + MIN_PAGES + " to " + MAX_PAGES);
    }

    /**
     * Draws what the issue holds: its date, 3 or 4 sections, 30 to 50 articles split over them, a page count to aim
     * for and, from that, the mean body length; then the text itself.
     */
    private static IssueContent plan(int serial, long seed, int attempt, double scale) {
        // the issue's shape (sections, articles, pictures) stays the same from one attempt to the next
        SplittableRandom random = new SplittableRandom(mix(seed, serial, 0));
        LocalDate date = FIRST_ISSUE_DATE.plusWeeks(serial - 1L);
        int issueInMonth = (date.getDayOfMonth() - 1) / 7 + 1;
        int sectionCount = (random.nextInt(10) < 7) ? 3 : 4;
        int articles = MIN_ARTICLES + random.nextInt(MAX_ARTICLES - MIN_ARTICLES + 1);
        int[] perSection = split(articles, sectionCount, random);
        int targetPages = MIN_PAGES + 1 + random.nextInt(MAX_PAGES - MIN_PAGES - 1);
        double imageShare = 0.08 + 0.1 * random.nextDouble();
        int articlePages = targetPages - 1 - ((articles + sectionCount > 34) ? 2 : 1);
        double budget = articlePages * CHARS_PER_PAGE - articles * CHARS_PER_ARTICLE
                - articles * imageShare * CHARS_PER_PICTURE;
        int meanBody = (int) Math.max(ArticleWriter.MIN_BODY_LENGTH, Math.min(ArticleWriter.MAX_BODY_LENGTH,
                scale * budget / articles));
        ArticleWriter writer = new ArticleWriter((attempt == 0) ? random : new SplittableRandom(mix(seed, serial,
                attempt)), date);
        return new IssueContent(serial, date, issueInMonth, writer.sections(perSection, meanBody, imageShare));
    }

    /** The investment section gets about half of the articles, the others share the rest; each gets at least 3. */
    private static int[] split(int articles, int sections, SplittableRandom random) {
        int[] counts = new int[sections];
        counts[0] = (int) Math.round(articles * (0.42 + 0.16 * random.nextDouble()));
        int rest = articles - counts[0];
        for (int s = 1; s < sections; s++) {
            int remainingSections = sections - s;
            counts[s] = (s == sections - 1) ? rest
                    : Math.max(3, (int) Math.round(rest / (double) remainingSections * (0.8 + 0.5 * random.nextDouble())));
            counts[s] = Math.min(counts[s], rest - 3 * (remainingSections - 1));
            rest -= counts[s];
        }
        return counts;
    }

    static long mix(long seed, int serial, int attempt) {
        long z = seed * 0x9E3779B97F4A7C15L + serial * 0xBF58476D1CE4E5B9L + attempt * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static Map<Integer, GeneratedIssue> readManifest(Path directory, long seed) throws IOException {
        Map<Integer, GeneratedIssue> issues = new TreeMap<>();
        Path manifest = directory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return issues;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(manifest)) {
            properties.load(in);
        }
        catch (IllegalArgumentException ex) {
            // a damaged manifest: everything is written again
            return issues;
        }
        if (!VERSION.equals(properties.getProperty("generator.version"))
                || !Long.toString(seed).equals(properties.getProperty("seed"))) {
            return issues;
        }
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("issue.")) {
                continue;
            }
            try {
                int serial = Integer.parseInt(key.substring("issue.".length()));
                String[] f = properties.getProperty(key).split(",");
                issues.put(serial, new GeneratedIssue(directory.resolve(f[0]), serial, LocalDate.parse(f[1]), f[2],
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]), Long.parseLong(f[6]),
                        f[7], true));
            }
            catch (RuntimeException ex) {
                // an entry that cannot be read is an issue to write again
            }
        }
        return issues;
    }

    private static void writeManifest(Path directory, long seed, Map<Integer, GeneratedIssue> issues)
            throws IOException {
        StringBuilder text = new StringBuilder();
        text.append("# Written by parkworld.pipeline.benchmarks.corpus.CorpusGenerator; files are reused only while\n")
                .append("# version, seed, size and SHA-256 match.\n")
                .append("# issue.SERIAL=file,date,label,pages,sections,articles,bytes,sha256\n")
                .append("generator.version=").append(VERSION).append('\n')
                .append("seed=").append(seed).append('\n')
                .append("count=").append(issues.size()).append('\n');
        for (GeneratedIssue issue : issues.values()) {
            text.append("issue.").append(issue.serial()).append('=').append(issue.file().getFileName()).append(',')
                    .append(issue.date()).append(',').append(issue.label()).append(',').append(issue.pages())
                    .append(',').append(issue.sections()).append(',').append(issue.articles()).append(',')
                    .append(issue.bytes()).append(',').append(issue.sha256()).append('\n');
        }
        Path partial = directory.resolve(MANIFEST + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            // Properties files are ISO 8859-1 with escapes: store the labels' Chinese as \\u escapes
            out.write(escape(text.toString()).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        move(partial, directory.resolve(MANIFEST));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
            }
            else {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out.toString();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** {@code --count N [--seed S] --out DIR [--threads T] [--list]}: writes the corpus and says what it took. */
    public static void main(String[] args) {
        Integer count = null;
        long seed = 1;
        Path out = null;
        int threads = Runtime.getRuntime().availableProcessors();
        boolean list = false;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--count" -> count = Integer.parseInt(args[++i]);
                    case "--seed" -> seed = Long.parseLong(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    case "--threads" -> threads = Integer.parseInt(args[++i]);
                    case "--list" -> list = true;
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (count == null || out == null) {
                throw new IllegalArgumentException("--count and --out are required");
            }
        }
        catch (RuntimeException ex) {
            System.err.println("corpus: " + ex.getMessage());
            System.err.println("usage: CorpusGenerator --count N [--seed S] --out DIR [--threads T] [--list]");
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        List<GeneratedIssue> issues = new CorpusGenerator(threads).write(out, count, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (list) {
            for (GeneratedIssue issue : issues) {
                System.out.printf(Locale.ROOT, "%s 总%d期 %s: %d pages, %d sections, %d articles, %d bytes%s%n",
                        issue.file().getFileName(), issue.serial(), issue.label(), issue.pages(), issue.sections(),
                        issue.articles(), issue.bytes(), issue.reused() ? " (reused)" : "");
            }
        }
        long written = issues.stream().filter((issue) -> !issue.reused()).count();
        System.out.printf(Locale.ROOT, "corpus: %d issues in %s (seed %d, generator %s): %d written, %d reused; "
                + "%d pages, %d articles, %.1f MB; %s to %s; %.1f s on %d threads%n", issues.size(), out, seed, VERSION,
                written, issues.size() - written, issues.stream().mapToInt(GeneratedIssue::pages).sum(),
                issues.stream().mapToInt(GeneratedIssue::articles).sum(),
                issues.stream().mapToLong(GeneratedIssue::bytes).sum() / 1e6, issues.get(0).date(),
                issues.get(issues.size() - 1).date(), seconds, threads);
    }
}
