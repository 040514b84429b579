package dev.spout.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Three bar charts in one PNG: maximum deliveries/s, p99 latency at fan-out, memory per idle stream. */
final class Chart {
    private static final int PANEL_WIDTH = 420;
    private static final int HEIGHT = 380;
    private static final Color SPOUT = new Color(0x1f77b4);
    private static final Color OTHER = new Color(0x9aa5b1);
    private static final Color FLOOR = new Color(0x2ca02c);

    private Chart() {}

    static void write(Report report, Path file) throws IOException {
        var image = new BufferedImage(PANEL_WIDTH * 3, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), HEIGHT);
        panel(
                g,
                0,
                "fanout-max: deliveries/s (higher is better)",
                report.rows("fanout-max"),
                "max deliveries/s",
                false);
        panel(g, 1, "fanout: p99 latency, ms, log scale (lower is better)", report.rows("fanout"), "p99 ms", true);
        panel(g, 2, "idle: heap KiB per stream (lower is better)", report.rows("idle"), "heap KiB/stream", false);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    /** Bars on a log scale start at 1 (a value of 1 or less draws no bar). */
    private static double scale(double value, boolean log) {
        return log ? Math.log10(Math.max(1, value)) + 0.05 : value;
    }

    private static void panel(
            Graphics2D g, int index, String title, List<Report.Row> rows, String metric, boolean log) {
        int x0 = index * PANEL_WIDTH + 20;
        int width = PANEL_WIDTH - 40;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(title, x0, 24);
        var values = rows.stream()
                .filter(r -> r.values().get(metric) instanceof Number)
                .toList();
        double max = values.stream()
                .mapToDouble(r -> ((Number) r.values().get(metric)).doubleValue())
                .max()
                .orElse(1);
        int barHeight = Math.min(36, (HEIGHT - 60) / Math.max(1, values.size()) - 8);
        int y = 44;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (Report.Row row : values) {
            double value = ((Number) row.values().get(metric)).doubleValue();
            int length = (int) Math.round((width - 215) * scale(value, log) / Math.max(scale(max, log), 1e-9));
            g.setColor(row.peer().equals("Spout") ? SPOUT : row.peer().startsWith("raw") ? FLOOR : OTHER);
            g.fillRect(x0 + 140, y, Math.max(1, length), barHeight);
            g.setColor(Color.BLACK);
            g.drawString(row.peer(), x0, y + barHeight / 2 + 4);
            g.drawString(Report.format(value), x0 + 144 + length, y + barHeight / 2 + 4);
            y += barHeight + 8;
        }
        g.setColor(new Color(0xdddddd));
        g.setStroke(new BasicStroke(1));
        g.drawLine(x0 + 140, 40, x0 + 140, y);
    }
}
