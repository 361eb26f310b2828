package parkworld.pipeline.benchmarks.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The Chinese font of the generated issues: WenQuanYi Micro Hei (Apache License 2.0), cut down to the characters of
 * GB 2312 and ASCII and shipped as {@value #RESOURCE} (see {@code corpus/FONT-LICENSE.txt}), so that the generator
 * needs no font installed on the machine. Each issue embeds its own subset of it, of the glyphs it prints, as real
 * producers do. Text outside the font fails loudly when an issue is drawn ({@code No glyph for U+...}).
 *
 * <p>{@link #main} rebuilds the resource from the full font ({@code apt-get install fonts-wqy-microhei}).
 */
public final class CorpusFont {

    static final String RESOURCE = "/corpus/wqy-microhei-gb2312.ttf";

    private static final AtomicReference<byte[]> BYTES = new AtomicReference<>();

    private CorpusFont() {
    }

    /** Loads the font into {@code document}, to be embedded as a subset when the document is saved. */
    static PDType0Font load(PDDocument document) throws IOException {
        return PDType0Font.load(document, new java.io.ByteArrayInputStream(bytes()), true);
    }

    private static byte[] bytes() {
        byte[] bytes = BYTES.get();
        if (bytes == null) {
            try (InputStream in = CorpusFont.class.getResourceAsStream(RESOURCE)) {
                bytes = Objects.requireNonNull(in, "font resource " + RESOURCE + " is missing").readAllBytes();
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            BYTES.set(bytes);
        }
        return bytes;
    }

    /**
     * Writes the subset resource: {@code CorpusFont /usr/share/fonts/truetype/wqy/wqy-microhei.ttc OUT.ttf}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CorpusFont FULL-FONT.ttc OUT.ttf");
            System.exit(2);
        }
        TreeSet<Integer> codePoints = new TreeSet<>();
        for (int c = 0x20; c < 0x7F; c++) {
            codePoints.add(c);
        }
        // GB 2312: rows 1-9 (punctuation, full-width forms, symbols such as ● and ■) and the 6,763 hanzi
        Charset gb2312 = Charset.forName("GB2312");
        for (int high = 0xA1; high <= 0xF7; high++) {
            for (int low = 0xA1; low <= 0xFE; low++) {
                String decoded = new String(new byte[] { (byte) high, (byte) low }, gb2312);
                if (decoded.length() == 1 && decoded.charAt(0) != '\uFFFD') {
                    codePoints.add((int) decoded.charAt(0));
                }
            }
        }
        // typographic forms producers print that GB 2312 decodes differently
        for (char c : "—–…·“”‘’《》（）●■◆".toCharArray()) {
            codePoints.add((int) c);
        }
        AtomicReference<TrueTypeFont> regular = new AtomicReference<>();
        try (TrueTypeCollection collection = new TrueTypeCollection(Path.of(args[0]).toFile())) {
            TrueTypeFont font = collection.getFontByName("WenQuanYiMicroHei");
            regular.set(Objects.requireNonNull(font, "no WenQuanYiMicroHei in " + args[0]));
            TTFSubsetter subsetter = new TTFSubsetter(regular.get(),
                    List.of("head", "hhea", "maxp", "OS/2", "post", "cmap", "hmtx", "loca", "glyf", "name"));
            subsetter.addAll(codePoints);
            try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
                subsetter.writeToStream(out);
            }
        }
        System.out.println("wrote " + args[1] + ": " + codePoints.size() + " characters, " + Files.size(Path.of(args[1]))
                + " bytes");
    }
}
