package dev.spout.bench;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The report's chart, drawn with XChart: maximum deliveries/s, p99 latency at fan-out (log scale) and heap per idle
 * stream, one bar per peer (the median of its runs), with axes and units; under them, the machine, the date and how
 * many runs each bar is the median of. A peer without a figure is named under the chart, never drawn as zero.
 */
final class Chart {
    private static final int WIDTH = 480;
    private static final int HEIGHT = 420;
    private static final int FOOTER = 56;

    private Chart() {}

    private record Panel(String title, String axis, String scenario, String metric, boolean log) {}

    private static final List<Panel> PANELS = List.of(
            new Panel(
                    "fanout-max: most deliveries held",
                    "deliveries per second",
                    "fanout-max",
                    "max deliveries/s",
                    false),
            new Panel("fanout: p99 latency, 2,000 streams", "milliseconds (log scale)", "fanout", "p99 ms", true),
            new Panel("idle: heap per stream, 10,000 streams", "KiB per stream", "idle", "heap KiB/stream", false));

    static void write(Report report, Path file) throws IOException {
        var image = new BufferedImage(WIDTH * PANELS.size(), HEIGHT + FOOTER, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < PANELS.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(chart(PANELS.get(i), report, missing)), i * WIDTH, 0, null);
        }
        g.setColor(new Color(0x44, 0x44, 0x44));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString(report.subtitle(), 12, HEIGHT + 20);
        g.drawString(
                missing.isEmpty()
                        ? "Every peer has a figure in every panel."
                        : "No figure: " + String.join("; ", missing),
                12,
                HEIGHT + 40);
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private static CategoryChart chart(Panel panel, Report report, List<String> missing) {
        List<String> peers = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Report.Row row : report.rows(panel.scenario())) {
            Double value = Report.median(row.values().get(panel.metric()));
            if (value == null || (panel.log() && value <= 0)) {
                missing.add(row.peer() + " (" + panel.scenario() + ")");
                continue;
            }
            peers.add(row.peer().replace(" (by hand)", "*").replace(" (Boot 4)", ""));
            values.add(value);
        }
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(panel.title())
                .yAxisTitle(panel.axis())
                .build();
        var styler = chart.getStyler();
        styler.setLegendVisible(false);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setXAxisLabelRotation(35);
        styler.setLabelsVisible(true);
        styler.setLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        styler.setYAxisLogarithmic(panel.log());
        styler.setYAxisDecimalPattern(panel.log() ? "#,##0.#" : "#,##0.##");
        styler.setSeriesColors(new Color[] {new Color(0x1f77b4)});
        styler.setLegendPosition(Styler.LegendPosition.InsideNE);
        if (peers.isEmpty()) {
            peers.add("(no figures)");
            values.add(panel.log() ? 1.0 : 0.0);
        }
        if (panel.log()) { // bars start at the axis' minimum, which a log axis must keep above zero
            double smallest =
                    values.stream().mapToDouble(Double::doubleValue).min().orElse(1);
            styler.setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
        }
        chart.addSeries(panel.metric(), peers, values);
        return chart;
    }
}
