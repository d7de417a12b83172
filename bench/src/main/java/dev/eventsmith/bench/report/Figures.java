package dev.eventsmith.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How the report writes numbers: three significant digits for figures, two for ratios, grouped thousands. */
final class Figures {

  static final String NONE = "–";

  private Figures() {}

  /** {@code 1234567.8} → {@code 1,230,000}; {@code 12.345} → {@code 12.3}. */
  static String figure(double value) {
    if (!Double.isFinite(value)) {
      return NONE;
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(3));
    if (rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
      return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(rounded);
    }
    return rounded.stripTrailingZeros().toPlainString();
  }

  /** A figure with its relative error, when JMH had enough iterations to give one: {@code 12,300 ±4%}. */
  static String figure(double value, double relativeError) {
    String figure = figure(value);
    if (figure.equals(NONE) || !Double.isFinite(relativeError)) {
      return figure;
    }
    long percent = Math.round(relativeError * 100);
    return figure + (percent < 1 ? " ±<1%" : " ±" + percent + "%");
  }

  /** {@code 12.34} → {@code 12×}; {@code 0.456} → {@code 0.46×}. */
  static String ratio(double value) {
    if (!Double.isFinite(value)) {
      return NONE;
    }
    return new BigDecimal(value).round(new MathContext(2)).stripTrailingZeros().toPlainString() + "×";
  }

  /** A ratio and whether it reaches {@code goal}: {@code 12× ✓}, {@code 0.46× ✗}. */
  static String ratio(double value, double goal) {
    String ratio = ratio(value);
    return ratio.equals(NONE) ? ratio : ratio + (value >= goal ? " ✓" : " ✗");
  }
}
