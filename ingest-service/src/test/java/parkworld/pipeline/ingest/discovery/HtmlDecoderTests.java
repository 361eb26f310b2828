package parkworld.pipeline.ingest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlDecoderTests {

    private static final Charset GBK = Charset.forName("GBK");
    private static final URI PAGE = URI.create("https://www.parkworld.net/weekly/");

    private static String title(byte[] body, Optional<String> contentType) {
        return HtmlDecoder.decode(body, contentType, PAGE).document().select("a").text();
    }

    @Test
    void decodesGbkDeclaredOnlyInAMetaTagOfBrokenMarkup() {
        byte[] page = "<html><head><meta http-equiv=Content-Type content='text/html; charset=gb2312'><body><a href=x.pdf>园区周报（总153期）"
            .getBytes(GBK);

        assertThat(title(page, Optional.of("text/html"))).isEqualTo("园区周报（总153期）");
    }

    @Test
    void decodesAnHtml5MetaCharset() {
        byte[] page = "<meta charset=\"GBK\"><a href=x.pdf>园区周报</a>".getBytes(GBK);

        assertThat(title(page, Optional.empty())).isEqualTo("园区周报");
    }

    @Test
    void theHttpHeaderCharsetWinsOverTheMetaTag() {
        byte[] page = "<meta charset=\"utf-8\"><a href=x.pdf>园区周报</a>".getBytes(GBK);

        assertThat(title(page, Optional.of("text/html; charset=GBK"))).isEqualTo("园区周报");
    }

    @Test
    void aByteOrderMarkWinsOverEverything() {
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
        page.writeBytes("<meta charset=\"gbk\"><a href=x.pdf>园区周报</a>".getBytes(StandardCharsets.UTF_8));

        assertThat(title(page.toByteArray(), Optional.of("text/html; charset=GBK"))).isEqualTo("园区周报");
    }

    @Test
    void fallsBackToGb18030WhenNothingIsDeclaredAndTheBytesAreNoUtf8() {
        byte[] page = "<a href=x.pdf>园区周报</a>".getBytes(GBK);

        HtmlDecoder.Decoded decoded = HtmlDecoder.decode(page, Optional.of("text/html"), PAGE);

        assertThat(decoded.charset()).isEqualTo(Charset.forName("GB18030"));
        assertThat(decoded.document().select("a").text()).isEqualTo("园区周报");
    }

    @Test
    void readsUndeclaredUtf8AsUtf8() {
        byte[] page = "<a href=x.pdf>园区周报</a>".getBytes(StandardCharsets.UTF_8);

        assertThat(title(page, Optional.empty())).isEqualTo("园区周报");
    }

    @Test
    void readsGb2312LabelledPagesWithCharactersBeyondGb2312() {
        // 镕 is in GBK but not in GB2312: sites labelled gb2312 use such characters anyway.
        byte[] page = "<meta charset=gb2312><a href=x.pdf>朱镕基</a>".getBytes(GBK);

        assertThat(title(page, Optional.empty())).isEqualTo("朱镕基");
    }

    @Test
    void ignoresAnUnknownCharsetLabel() {
        byte[] page = "<meta charset=\"no-such-charset\"><a href=x.pdf>园区周报</a>".getBytes(GBK);

        assertThat(title(page, Optional.of("text/html; charset=bogus"))).isEqualTo("园区周报");
    }

    @Test
    void resolvesLinksAgainstThePage() {
        byte[] page = "<a href=issue-1.pdf>x</a>".getBytes(StandardCharsets.US_ASCII);

        assertThat(HtmlDecoder.decode(page, Optional.empty(), PAGE).document().select("a").first().absUrl("href"))
            .isEqualTo("https://www.parkworld.net/weekly/issue-1.pdf");
    }
}
