package dev.pailot.serving.load.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: numeric x axis, linear or log-10 y axis, one polyline with point
 * markers per series, and a legend. Points with non-finite or (on a log axis) non-positive y are
 * skipped.
 */
final class SvgChart {
  private static final int W = 720;
  private static final int H = 340;
  private static final int LEFT = 70;
  private static final int RIGHT = 170;
  private static final int TOP = 30;
  private static final int BOTTOM = 50;
  private static final String[] COLORS = {
    "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"
  };

  record Series(String name, double[] x, double[] y) {}

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final boolean logY;
  private final List<Series> series = new ArrayList<>();

  SvgChart(String title, String xLabel, String yLabel, boolean logY) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.logY = logY;
  }

  SvgChart add(String name, double[] x, double[] y) {
    series.add(new Series(name, x, y));
    return this;
  }

  String render() {
    double[] xr = range(true);
    double[] yr = range(false);
    if (logY) {
      yr = new double[] {Math.floor(Math.log10(yr[0])), Math.ceil(Math.log10(yr[1]))};
      if (yr[1] <= yr[0]) {
        yr[1] = yr[0] + 1;
      }
    } else {
      yr = new double[] {0, niceCeil(yr[1])};
    }
    StringBuilder svg = new StringBuilder();
    svg.append(f("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" ", W, H))
        .append(f("viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H))
        .append(
            f(
                "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">%s</text>\n",
                LEFT, HtmlReport.esc(title)));
    axes(svg, xr, yr);
    for (int s = 0; s < series.size(); s++) {
      line(svg, series.get(s), COLORS[s % COLORS.length], xr, yr);
      int ly = TOP + 10 + 18 * s;
      svg.append(
              f(
                  "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"3\" fill=\"%s\"/>",
                  W - RIGHT + 15, ly - 4, COLORS[s % COLORS.length]))
          .append(
              f(
                  "<text x=\"%d\" y=\"%d\">%s</text>\n",
                  W - RIGHT + 32, ly, HtmlReport.esc(series.get(s).name())));
    }
    return svg.append("</svg>\n").toString();
  }

  private void axes(StringBuilder svg, double[] xr, double[] yr) {
    int x0 = LEFT;
    int y0 = H - BOTTOM;
    svg.append(
            f(
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
                x0, y0, W - RIGHT, y0))
        .append(
            f(
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>\n",
                x0, TOP, x0, y0));
    for (double v : xTicks(xr)) {
      double px = px(v, xr);
      svg.append(
          f("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", px, y0 + 16, num(v)));
    }
    int ticks = logY ? (int) (yr[1] - yr[0]) : 5;
    for (int i = 0; i <= ticks; i++) {
      double v = yr[0] + (yr[1] - yr[0]) * i / ticks;
      double py = y0 - (double) (y0 - TOP) * i / ticks;
      svg.append(
              f(
                  "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>",
                  x0, py, W - RIGHT, py))
          .append(
              f(
                  "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
                  x0 - 6, py + 4, num(logY ? Math.pow(10, v) : v)));
    }
    svg.append(
            f(
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                (LEFT + W - RIGHT) / 2, H - 12, HtmlReport.esc(xLabel)))
        .append(
            f(
                "<text x=\"14\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>\n",
                (TOP + y0) / 2, (TOP + y0) / 2, HtmlReport.esc(yLabel)));
  }

  private void line(StringBuilder svg, Series s, String color, double[] xr, double[] yr) {
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < s.x().length; i++) {
      if (!usable(s.y()[i])) {
        continue;
      }
      double px = px(s.x()[i], xr);
      double v = logY ? Math.log10(s.y()[i]) : s.y()[i];
      double py = (H - BOTTOM) - (H - BOTTOM - TOP) * (v - yr[0]) / (yr[1] - yr[0]);
      points.append(f("%.1f,%.1f ", px, py));
      svg.append(f("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", px, py, color));
    }
    svg.append(
        f(
            "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>\n",
            color, points.toString().trim()));
  }

  /** The runs' own x values when there are few (a sweep), else six even ticks. */
  private double[] xTicks(double[] xr) {
    double[] xs =
        series.stream()
            .flatMapToDouble(s -> java.util.Arrays.stream(s.x()))
            .distinct()
            .sorted()
            .toArray();
    if (xs.length >= 2 && xs.length <= 12) {
      return xs;
    }
    double[] even = new double[6];
    for (int i = 0; i <= 5; i++) {
      even[i] = xr[0] + (xr[1] - xr[0]) * i / 5;
    }
    return even;
  }

  private boolean usable(double y) {
    return Double.isFinite(y) && (!logY || y > 0);
  }

  private double[] range(boolean x) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (Series s : series) {
      for (int i = 0; i < s.x().length; i++) {
        double v = x ? s.x()[i] : s.y()[i];
        if (x || usable(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (!Double.isFinite(lo)) {
      return new double[] {logY && !x ? 1 : 0, logY && !x ? 10 : 1};
    }
    return hi > lo ? new double[] {lo, hi} : new double[] {lo - 1, hi + 1};
  }

  private static double px(double v, double[] xr) {
    return LEFT + (W - RIGHT - LEFT) * (v - xr[0]) / (xr[1] - xr[0]);
  }

  private static double niceCeil(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String num(double v) {
    return Math.abs(v) >= 100 || v == Math.rint(v)
        ? f("%.0f", v)
        : Math.abs(v) >= 1 ? f("%.1f", v) : f("%.2g", v);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
