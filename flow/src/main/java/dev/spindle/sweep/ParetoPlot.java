package dev.spindle.sweep;

import dev.spindle.tools.AtomicFile;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * {@code pareto.png} and {@code pareto.svg}: every measured point of {@code x} against {@code y}, the Pareto front
 * joined by a line and each of its points labelled with its grid values. Drawn headless with JFreeChart (and
 * JFreeSVG for the SVG).
 */
public final class ParetoPlot {
    static final int WIDTH = 1000, HEIGHT = 700;

    private ParetoPlot() {}

    /** Writes both files into {@code dir}; returns the PNG's path, or null when no point has both measures. */
    public static Path write(Path dir, SweepSpec spec, List<PointResult> results) {
        System.setProperty("java.awt.headless", "true");
        XYSeries others = new XYSeries("dominated", false, true);
        XYSeries front = new XYSeries("Pareto front", true, true);
        List<PointResult> frontPoints = new ArrayList<>();
        for (PointResult r : results) {
            if (r.pareto() == null) continue;
            double x = r.measures().get(spec.x()).doubleValue(), y = r.measures().get(spec.y()).doubleValue();
            if (r.pareto()) { front.add(x, y); frontPoints.add(r); } else others.add(x, y);
        }
        if (front.isEmpty()) return null;
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(front);
        data.addSeries(others);

        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, true);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesPaint(0, new Color(0xC0392B));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesPaint(1, new Color(0x2E86C1));
        NumberAxis xAxis = new NumberAxis(axisLabel(spec.x(), results));
        NumberAxis yAxis = new NumberAxis(axisLabel(spec.y(), results));
        xAxis.setAutoRangeIncludesZero(false);
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        frontPoints.sort(Comparator.comparingDouble(r -> r.measures().get(spec.x()).doubleValue()));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        for (PointResult r : frontPoints) {
            XYTextAnnotation label = new XYTextAnnotation("  " + gridLabel(spec, r),
                    r.measures().get(spec.x()).doubleValue(), r.measures().get(spec.y()).doubleValue());
            label.setFont(font);
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(label);
        }
        JFreeChart chart = new JFreeChart(spec.design() + " sweep: " + spec.y() + " against " + spec.x()
                + " (" + front.getItemCount() + " of " + (front.getItemCount() + others.getItemCount()) + " points on the front)",
                new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);

        Path png = dir.resolve("pareto.png");
        Path svg = dir.resolve("pareto.svg");
        try {
            Path tmp = Files.createTempFile(dir, ".pareto", ".png");
            ChartUtils.saveChartAsPNG(tmp.toFile(), chart, WIDTH, HEIGHT);
            Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            SVGGraphics2D g2 = new SVGGraphics2D(WIDTH, HEIGHT);
            chart.draw(g2, new Rectangle(0, 0, WIDTH, HEIGHT));
            AtomicFile.write(svg, g2.getSVGDocument());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + ": " + e.getMessage(), e);
        }
        return png;
    }

    static String gridLabel(SweepSpec spec, PointResult r) {
        StringJoiner j = new StringJoiner(" ");
        for (String key : spec.grid().axes().keySet()) j.add(key + "=" + r.config().get(key));
        return j.toString();
    }

    private static String axisLabel(String measure, List<PointResult> results) {
        for (PointResult r : results) {
            String unit = r.units().get(measure);
            if (unit != null) return measure + " (" + unit + ")";
        }
        return measure;
    }
}
