package parkworld.pipeline.benchmarks.backfill;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/** Articles searchable over time, one line per phase, as a PNG drawn with Java2D (no charting library). */
final class ArticlesChart {

    static final int WIDTH = 960;
    static final int HEIGHT = 540;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final Color[] COLOURS = { new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
            new Color(0x9467bd) };

    /** One line: its label and its points (seconds since the phase started, articles searchable). */
    record Series(String label, List<double[]> points) {
    }

    private ArticlesChart() {
    }

    static void write(Path png, String title, List<Series> series) throws IOException {
        double maxX = 1;
        double maxY = 1;
        for (Series s : series) {
            for (double[] p : s.points()) {
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int plotW = WIDTH - LEFT - RIGHT;
            int plotH = HEIGHT - TOP - BOTTOM;
            // grid and tick labels: five steps on each axis
            for (int i = 0; i <= 5; i++) {
                int x = LEFT + plotW * i / 5;
                int y = TOP + plotH - plotH * i / 5;
                g.setColor(new Color(0xe0e0e0));
                g.drawLine(x, TOP, x, TOP + plotH);
                g.drawLine(LEFT, y, LEFT + plotW, y);
                g.setColor(Color.DARK_GRAY);
                g.drawString(String.format(Locale.ROOT, "%.0f", maxX * i / 5), x - 10, TOP + plotH + 18);
                g.drawString(String.format(Locale.ROOT, "%.0f", maxY * i / 5), 10, y + 4);
            }
            g.setColor(Color.BLACK);
            g.drawRect(LEFT, TOP, plotW, plotH);
            g.drawString("seconds since the operator request", LEFT + plotW / 2 - 100, HEIGHT - 15);
            g.drawString("articles searchable", 10, TOP - 10);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            g.drawString(title, LEFT, 25);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.setStroke(new BasicStroke(2f));
            for (int i = 0; i < series.size(); i++) {
                Series s = series.get(i);
                g.setColor(COLOURS[i % COLOURS.length]);
                int[] xs = new int[s.points().size()];
                int[] ys = new int[s.points().size()];
                for (int j = 0; j < xs.length; j++) {
                    double[] p = s.points().get(j);
                    xs[j] = LEFT + (int) Math.round(plotW * p[0] / maxX);
                    ys[j] = TOP + plotH - (int) Math.round(plotH * p[1] / maxY);
                }
                g.drawPolyline(xs, ys, xs.length);
                int legendY = TOP + 20 + 18 * i;
                g.drawLine(LEFT + 15, legendY - 4, LEFT + 40, legendY - 4);
                g.drawString(s.label(), LEFT + 48, legendY);
            }
        }
        finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JVM");
        }
    }
}
