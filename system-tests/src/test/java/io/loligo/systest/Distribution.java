package io.loligo.systest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Prints a benchmark's measurements in milliseconds: percentiles and a histogram. */
final class Distribution {
    private final List<Double> sorted;

    Distribution(List<? extends Number> millis) {
        sorted = new ArrayList<>();
        millis.forEach(value -> sorted.add(value.doubleValue()));
        Collections.sort(sorted);
    }

    double percentile(int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    void print(String title, long... histogramBounds) {
        System.out.printf(Locale.ROOT, "%n== %s (%d samples, milliseconds)%n", title, sorted.size());
        System.out.printf(Locale.ROOT, "min %.1f  p50 %.1f  p90 %.1f  p95 %.1f  p99 %.1f  max %.1f%n", sorted.get(0),
                percentile(50), percentile(90), percentile(95), percentile(99), sorted.get(sorted.size() - 1));
        double from = 0;
        for (int i = 0; i <= histogramBounds.length; i++) {
            double lower = from;
            double upper = i < histogramBounds.length ? histogramBounds[i] : Double.MAX_VALUE;
            long count = sorted.stream().filter(ms -> ms >= lower && ms < upper).count();
            System.out.printf(Locale.ROOT, "  %5d..%-5s ms  %5d  %s%n", (long) lower,
                    upper == Double.MAX_VALUE ? "" : String.valueOf((long) upper), count, "#".repeat((int) Math.min(count, 60)));
            from = upper;
        }
    }
}
