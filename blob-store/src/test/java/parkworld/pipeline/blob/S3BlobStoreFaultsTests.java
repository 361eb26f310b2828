package parkworld.pipeline.blob;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The S3 store against a server that refuses: wrong credentials (403 {@code SignatureDoesNotMatch},
 * {@code AccessDenied}), server errors, a missing bucket. S3Mock accepts any credentials, so these answers come from
 * a WireMock stub speaking S3's error XML. The secret key never appears in what the store reports.
 */
class S3BlobStoreFaultsTests {

    static final String BUCKET = "parkworld-blobs";
    static final String ACCESS_KEY = "AKIAFAULTSTESTKEY01";
    static final String SECRET_KEY = "fault-tests-secret-key-must-never-be-printed";
    static final byte[] CONTENT = "%PDF-1.4\nfaults\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final String SHA256 = Sha256.hex(CONTENT);
    static final String KEY = "/" + BUCKET + "/issues/" + SHA256 + ".pdf";

    final WireMockServer s3 = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @TempDir
    Path downloads;

    @BeforeEach
    void start() {
        this.s3.start();
    }

    @AfterEach
    void stop() {
        this.s3.stop();
    }

    static String error(String code, String message) {
        // As AWS answers a bad signature: the access key id is echoed, the secret never is.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message><AWSAccessKeyId>" + ACCESS_KEY + "</AWSAccessKeyId><RequestId>4442587FB7D0A2F9</RequestId>"
                + "</Error>";
    }

    void bucketExists() {
        this.s3.stubFor(head(urlPathEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(200)));
    }

    void objectNotStoredYet() {
        this.s3.stubFor(head(urlPathEqualTo(KEY)).willReturn(aResponse().withStatus(404)));
    }

    BlobStore open() throws IOException {
        return new BlobStoreSettings(URI.create("s3://" + BUCKET + "/issues/"), URI.create(this.s3.baseUrl()),
                "us-east-1", true)
            .open(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    Path download() throws IOException {
        return Files.write(this.downloads.resolve("download.part"), CONTENT);
    }

    static String everything(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Test
    void aRefusedSignatureOnPutSaysCheckTheCredentialsAndNeverPrintsTheSecret() throws IOException {
        bucketExists();
        objectNotStoredYet();
        this.s3.stubFor(put(urlPathEqualTo(KEY)).willReturn(aResponse().withStatus(403)
            .withHeader("Content-Type", "application/xml")
            .withBody(error("SignatureDoesNotMatch", "The request signature we calculated does not match the "
                    + "signature you provided. Check your key and signing method."))));

        try (BlobStore store = open()) {
            Path file = download();
            assertThatThrownBy(() -> store.put(file, SHA256, CONTENT.length))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(BlobUnavailableException.class)
                .hasMessageContaining("S3 refused access (403 SignatureDoesNotMatch)")
                .hasMessageContaining("storing s3://" + BUCKET + "/issues/" + SHA256 + ".pdf")
                .hasMessageContaining("check the credentials")
                .satisfies(ex -> assertThat(everything(ex)).doesNotContain(SECRET_KEY));
        }
    }

    @Test
    void accessDeniedOnReadIsAStoreFailureNotAMissingBlob() throws IOException {
        bucketExists();
        this.s3.stubFor(get(urlPathEqualTo(KEY)).willReturn(aResponse().withStatus(403)
            .withHeader("Content-Type", "application/xml")
            .withBody(error("AccessDenied", "Access Denied"))));
        this.s3.stubFor(head(urlPathEqualTo(KEY)).willReturn(aResponse().withStatus(403)));

        try (BlobStore store = open()) {
            URI blob = URI.create("s3://" + BUCKET + "/issues/" + SHA256 + ".pdf");
            // Not MISSING: the parser must retry this (fix the credentials), not dead-letter the issue.
            assertThatThrownBy(() -> store.file(blob).close())
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(BlobUnavailableException.class)
                .hasMessageContaining("S3 refused access (403 AccessDenied)")
                .satisfies(ex -> assertThat(everything(ex)).doesNotContain(SECRET_KEY));
            assertThatThrownBy(() -> store.stat(blob))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(BlobUnavailableException.class)
                .hasMessageContaining("S3 refused access (403");
        }
    }

    @Test
    void refusedCredentialsFailAtOpening() {
        this.s3.stubFor(head(urlPathEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(403)));

        assertThatThrownBy(this::open)
            .isInstanceOf(IOException.class)
            .hasMessageContaining("S3 refused access (403")
            .hasMessageContaining("checking bucket '" + BUCKET + "' at " + this.s3.baseUrl())
            .hasMessageContaining("AWS_ACCESS_KEY_ID")
            .satisfies(ex -> assertThat(everything(ex)).doesNotContain(SECRET_KEY));
    }

    @Test
    void aMissingBucketFailsAtOpeningAndSaysSo() {
        this.s3.stubFor(head(urlPathEqualTo("/" + BUCKET)).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(this::open)
            .isInstanceOf(IOException.class)
            .hasMessageContaining("S3 bucket '" + BUCKET + "' does not exist");
    }

    @Test
    void serverErrorsAreRetriedUntilThePutSucceeds() throws IOException {
        bucketExists();
        objectNotStoredYet();
        String scenario = "500, 503, then stored";
        this.s3.stubFor(put(urlPathEqualTo(KEY)).inScenario(scenario).whenScenarioStateIs(STARTED)
            .willSetStateTo("503")
            .willReturn(aResponse().withStatus(500).withBody(error("InternalError", "We encountered an internal error."))));
        this.s3.stubFor(put(urlPathEqualTo(KEY)).inScenario(scenario).whenScenarioStateIs("503")
            .willSetStateTo("ok")
            .willReturn(aResponse().withStatus(503).withBody(error("SlowDown", "Please reduce your request rate."))));
        this.s3.stubFor(put(urlPathEqualTo(KEY)).inScenario(scenario).whenScenarioStateIs("ok")
            .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"abc\"")));

        try (BlobStore store = open()) {
            StoredBlob blob = store.put(download(), SHA256, CONTENT.length);

            assertThat(blob.uri()).hasToString("s3://" + BUCKET + "/issues/" + SHA256 + ".pdf");
        }
        this.s3.verify(3, putRequestedFor(urlPathEqualTo(KEY)));
    }

    @Test
    void aServerThatKeepsFailingEndsInAnIoExceptionNamingTheEndpoint() throws IOException {
        bucketExists();
        objectNotStoredYet();
        this.s3.stubFor(put(urlPathMatching("/" + BUCKET + "/.*")).willReturn(aResponse().withStatus(503)
            .withBody(error("ServiceUnavailable", "Service is unable to handle request."))));

        try (BlobStore store = open()) {
            Path file = download();
            assertThatThrownBy(() -> store.put(file, SHA256, CONTENT.length))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(BlobUnavailableException.class)
                .hasMessageContaining(this.s3.baseUrl())
                .hasMessageContaining("503");
        }
    }

    @Test
    void aBlobTheBucketDoesNotHoldIsMissing() throws IOException {
        bucketExists();
        objectNotStoredYet();
        this.s3.stubFor(get(urlPathEqualTo(KEY)).willReturn(aResponse().withStatus(404)
            .withHeader("Content-Type", "application/xml")
            .withBody(error("NoSuchKey", "The specified key does not exist."))));

        try (BlobStore store = open()) {
            URI blob = URI.create("s3://" + BUCKET + "/issues/" + SHA256 + ".pdf");
            BlobStoreContract.assertUnavailable(store, blob, BlobUnavailableException.Reason.MISSING);
        }
    }
}
