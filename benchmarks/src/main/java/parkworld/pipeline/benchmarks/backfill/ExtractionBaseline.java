package parkworld.pipeline.benchmarks.backfill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The floor the backfill is compared with: {@code Loader.loadPDF} + {@code PDFTextStripper.getText} over every PDF
 * of a folder, on as many threads as the parser instances parse at once, nothing else. Started by
 * {@link BackfillBenchmark} as a JVM of its own with the parser service's JVM options.
 *
 * <pre>java [parser's JVM options] -cp benchmarks.jar ...ExtractionBaseline FOLDER THREADS</pre>
 *
 * Prints one line: {@code extraction: files F pages P characters C seconds E}.
 */
public final class ExtractionBaseline {

    private ExtractionBaseline() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".pdf")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no PDFs in " + folder);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long began = System.nanoTime();
            List<Future<long[]>> results = new ArrayList<>();
            for (Path file : files) {
                results.add(pool.submit(() -> extract(file)));
            }
            long pages = 0;
            long characters = 0;
            for (Future<long[]> result : results) {
                long[] counts = result.get();
                pages += counts[0];
                characters += counts[1];
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.println(String.format(Locale.ROOT, "extraction: files %d pages %d characters %d seconds %.3f",
                    files.size(), pages, characters, seconds));
        }
        finally {
            pool.shutdownNow();
        }
    }

    /** Pages and characters of one PDF; the text is counted so the extraction cannot be optimised away. */
    private static long[] extract(Path file) throws IOException {
        try (PDDocument document = Loader.loadPDF(file.toFile())) {
            String text = new PDFTextStripper().getText(document);
            return new long[] { document.getNumberOfPages(), text.length() };
        }
    }
}
