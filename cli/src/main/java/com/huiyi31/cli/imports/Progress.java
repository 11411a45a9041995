package com.huiyi31.cli.imports;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Shows how far the import is: a live bar on a terminal, else a plain line every 2 seconds. */
interface Progress extends AutoCloseable {

  /** One row finished; {@code failed} when it was not registered. */
  void rowDone(boolean failed);

  /** Shows the final state. */
  @Override
  void close();

  /** A bar when a person watches a terminal, plain lines (for logs and CI) otherwise. */
  static Progress forTerminal(int total, PrintWriter err) {
    return System.console() != null ? new Bar(total) : new Lines(total, err, System::nanoTime);
  }

  /** me.tongfei progressbar on stderr: done/total, rate, ETA, and the failures so far. */
  final class Bar implements Progress {
    private final ProgressBar bar;
    private long failed; // guarded by this

    Bar(int total) {
      bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
          .setUnit(" rows", 1).showSpeed().setUpdateIntervalMillis(250).build();
      bar.setExtraMessage(" 0 failed"); // printed right after the speed: the space separates them
    }

    @Override
    public synchronized void rowDone(boolean failed) {
      if (failed) {
        this.failed++;
        bar.setExtraMessage(" " + this.failed + " failed");
      }
      bar.step();
    }

    @Override
    public synchronized void close() {
      bar.close();
    }
  }

  /** "1200/10000 done, 3 failed, 410 rows/s" at most every 2 seconds, and once at the end. */
  final class Lines implements Progress {
    static final long EVERY_NANOS = 2_000_000_000L;

    private final int total;
    private final PrintWriter err;
    private final LongSupplier nanoTime;
    private final long start;
    private long lastPrinted;
    private long printedDone = -1;
    private long done;
    private long failed;

    Lines(int total, PrintWriter err, LongSupplier nanoTime) {
      this.total = total;
      this.err = err;
      this.nanoTime = nanoTime;
      this.start = nanoTime.getAsLong();
      this.lastPrinted = start;
    }

    @Override
    public synchronized void rowDone(boolean failed) {
      done++;
      if (failed) {
        this.failed++;
      }
      long now = nanoTime.getAsLong();
      if (now - lastPrinted >= EVERY_NANOS) {
        print(now);
      }
    }

    @Override
    public synchronized void close() {
      if (printedDone != done) { // the last periodic line may already say it all
        print(nanoTime.getAsLong());
      }
    }

    private void print(long now) {
      lastPrinted = now;
      printedDone = done;
      double seconds = (now - start) / 1e9;
      String rate = seconds <= 0 ? "-" : String.format(Locale.ROOT, "%.0f", done / seconds);
      err.println(done + "/" + total + " done, " + failed + " failed, " + rate + " rows/s");
      err.flush();
    }
  }
}
