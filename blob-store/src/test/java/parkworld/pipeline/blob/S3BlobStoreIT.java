package parkworld.pipeline.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import parkworld.pipeline.testsupport.S3Endpoint;
import parkworld.pipeline.testsupport.TestInfrastructure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/** The S3 store against a real S3-compatible server (S3Mock) running as a separate process. */
class S3BlobStoreIT extends BlobStoreContract {

    static final AwsCredentialsProvider TEST_CREDENTIALS = StaticCredentialsProvider
        .create(AwsBasicCredentials.create("test-access-key", "test-secret-key"));

    private final List<BlobStore> opened = new ArrayList<>();

    @AfterEach
    void closeStores() {
        for (BlobStore store : this.opened) {
            store.close();
        }
    }

    /** Each test its own prefix in the one bucket, so the tests' blobs never meet. */
    @Override
    BlobStore store() throws IOException {
        return open("s3://" + TestInfrastructure.s3().bucket() + "/" + UUID.randomUUID() + "/", TEST_CREDENTIALS);
    }

    @Override
    URI uriOfTheSameSchemeOutsideTheStore() {
        return URI.create("s3://" + TestInfrastructure.s3().bucket() + "/another-prefix/" + Sha256.hex(new byte[0])
                + ".pdf");
    }

    @Test
    void refusesABlobOfAnotherBucket() throws IOException {
        BlobStore store = store();

        assertUnavailable(store, URI.create("s3://another-bucket/" + store.location().getPath().substring(1)
                + Sha256.hex(new byte[0]) + ".pdf"), BlobUnavailableException.Reason.OUTSIDE_STORE);
    }

    @Test
    void blobsAreNamedS3UrisOfTheBucketAndPrefix() throws IOException {
        BlobStore store = store();
        StoredBlob blob = put(store, pdf("named"));

        assertThat(blob.uri().toString())
            .isEqualTo(store.location() + blob.sha256() + ".pdf")
            .startsWith("s3://" + TestInfrastructure.s3().bucket() + "/");
    }

    @Test
    void aMissingBucketFailsAtOpeningAndSaysSo() {
        assertThatThrownBy(() -> open("s3://no-such-bucket/blobs/", TEST_CREDENTIALS))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("S3 bucket 'no-such-bucket' does not exist")
            .hasMessageContaining(TestInfrastructure.s3().endpoint().toString());
    }

    @Test
    void missingCredentialsFailAtOpeningAndSayWhereTheyComeFrom() {
        AwsCredentialsProvider none = ProfileCredentialsProvider.builder()
            .profileFile(ProfileFile.builder()
                .content(new java.io.ByteArrayInputStream(new byte[0]))
                .type(ProfileFile.Type.CREDENTIALS)
                .build())
            .profileName("parkworld-none")
            .build();

        assertThatThrownBy(() -> open("s3://" + TestInfrastructure.s3().bucket() + "/blobs/", none))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("No S3 credentials found")
            .hasMessageContaining("AWS_ACCESS_KEY_ID");
    }

    @Test
    void anUnreachableServerSaysWhichEndpoint() {
        URI closed = URI.create("http://127.0.0.1:9");
        BlobStoreSettings settings = new BlobStoreSettings(URI.create("s3://parkworld-test-blobs/x/"), closed,
                "us-east-1", true);

        assertThatThrownBy(() -> settings.open(TEST_CREDENTIALS))
            .isInstanceOf(IOException.class)
            .hasMessageContaining("Cannot reach S3")
            .hasMessageContaining("http://127.0.0.1:9");
    }

    private BlobStore open(String location, AwsCredentialsProvider credentials) throws IOException {
        S3Endpoint s3 = TestInfrastructure.s3();
        BlobStore store = new BlobStoreSettings(URI.create(location), s3.endpoint(), "us-east-1", true)
            .open(credentials);
        this.opened.add(store);
        return store;
    }
}
