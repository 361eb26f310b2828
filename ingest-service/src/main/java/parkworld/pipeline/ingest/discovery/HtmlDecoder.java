package parkworld.pipeline.ingest.discovery;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns the bytes of a listing page into a jsoup document, decoded the way a browser would: a byte order mark wins,
 * then the charset of the HTTP {@code Content-Type}, then a {@code <meta>} tag in the first bytes. Chinese sites often
 * send GBK with the charset only in a meta tag, or nowhere: a page that declares nothing is read as UTF-8 when it is
 * valid UTF-8 and as GB18030 (a superset of GB2312 and GBK) otherwise. The GB2312 and GBK labels are read as GB18030
 * too, as browsers do, because such pages often use characters beyond what they declare.
 */
final class HtmlDecoder {

    /** Browsers look for the meta charset in the first 1,024 bytes; some pages put a long comment first. */
    private static final int META_SNIFF_BYTES = 4096;

    private static final Pattern CHARSET_PARAMETER = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\\s;\"'>]+)");

    private static final Charset GB18030 = Charset.forName("GB18030");

    private HtmlDecoder() {
    }

    /**
     * @param body        the page's bytes
     * @param contentType the HTTP {@code Content-Type}, if the server sent one
     * @param url         where the page was fetched (after redirects): relative links resolve against it, or against
     *                    its {@code <base href>}
     */
    static Decoded decode(byte[] body, Optional<String> contentType, URI url) {
        Charset charset = byteOrderMark(body).or(() -> contentType.flatMap(HtmlDecoder::charsetParameter))
            .or(() -> metaCharset(body))
            .orElseGet(() -> isUtf8(body) ? StandardCharsets.UTF_8 : GB18030);
        String text = new String(body, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new Decoded(Jsoup.parse(text, url.toString()), charset);
    }

    private static Optional<Charset> byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    private static Optional<Charset> charsetParameter(String contentType) {
        Matcher matcher = CHARSET_PARAMETER.matcher(contentType);
        return matcher.find() ? charsetNamed(matcher.group(1)) : Optional.empty();
    }

    /** The charset a {@code <meta charset>} or {@code <meta http-equiv=Content-Type>} declares near the start. */
    private static Optional<Charset> metaCharset(byte[] body) {
        // ISO-8859-1 maps every byte to one char, so the ASCII markup reads right whatever the page's real charset.
        String head = new String(body, 0, Math.min(body.length, META_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        for (Element meta : Jsoup.parse(head).select("meta[charset], meta[http-equiv][content]")) {
            Optional<Charset> declared = meta.hasAttr("charset") ? charsetNamed(meta.attr("charset"))
                    : meta.attr("http-equiv").equalsIgnoreCase("content-type") ? charsetParameter(meta.attr("content"))
                            : Optional.empty();
            if (declared.isPresent()) {
                return declared;
            }
        }
        return Optional.empty();
    }

    private static Optional<Charset> charsetNamed(String name) {
        String label = name.trim().toLowerCase(Locale.ROOT);
        if (label.equals("gb2312") || label.equals("gbk") || label.equals("x-gbk") || label.equals("gb18030")) {
            return Optional.of(GB18030);
        }
        try {
            return Optional.of(Charset.forName(label));
        }
        catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
            // An unknown label is as good as none: the next source of the charset decides.
            return Optional.empty();
        }
    }

    private static boolean isUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(body));
            return true;
        }
        catch (CharacterCodingException ex) {
            return false;
        }
    }

    /**
     * @param document the parsed page
     * @param charset  the charset it was decoded with
     */
    record Decoded(Document document, Charset charset) {
    }
}
