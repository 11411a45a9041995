package com.huiyi31.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain progress lines (no terminal), on a fake clock. */
class ProgressTest {

  @Test
  void printsAtMostOneLineEveryTwoSecondsAndAFinalOne() {
    StringWriter text = new StringWriter();
    long[] now = {0};
    Progress.Lines progress = new Progress.Lines(100, new PrintWriter(text), () -> now[0]);

    for (int i = 1; i <= 100; i++) { // a row every 100 ms: 10 s in all
      now[0] = i * 100_000_000L;
      progress.rowDone(i % 40 == 0);
    }
    progress.close();

    List<String> lines = text.toString().lines().toList();
    assertThat(lines).containsExactly(
        "20/100 done, 0 failed, 10 rows/s",
        "40/100 done, 1 failed, 10 rows/s",
        "60/100 done, 1 failed, 10 rows/s",
        "80/100 done, 2 failed, 10 rows/s",
        "100/100 done, 2 failed, 10 rows/s"); // the final state, said once
  }

  @Test
  void aQuickImportPrintsOnlyTheFinalLine() {
    StringWriter text = new StringWriter();
    long[] now = {0};
    Progress.Lines progress = new Progress.Lines(3, new PrintWriter(text), () -> now[0]);

    now[0] = 500_000_000L;
    progress.rowDone(false);
    progress.rowDone(true);
    progress.rowDone(false);
    progress.close();

    assertThat(text.toString().lines()).containsExactly("3/3 done, 1 failed, 6 rows/s");
  }
}
