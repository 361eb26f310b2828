package parkworld.pipeline.benchmarks.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticlesChartTests {

    @Test
    void writesAPngWithOneColouredLinePerSeries(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("chart/articles.png");

        ArticlesChart.write(png, "test", List.of(
                new ArticlesChart.Series("backfill", List.of(new double[] { 0, 0 }, new double[] { 10, 100 })),
                new ArticlesChart.Series("replay", List.of(new double[] { 0, 0 }, new double[] { 5, 100 }))));

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(ArticlesChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ArticlesChart.HEIGHT);
        assertThat(countPixels(image, 0x1f77b4)).as("backfill's blue").isGreaterThan(100);
        assertThat(countPixels(image, 0xd62728)).as("replay's red").isGreaterThan(100);
    }

    private static int countPixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
