package com.huiyi31.cli.imports;

import static com.huiyi31.cli.imports.ImportFiles.args;
import static com.huiyi31.cli.imports.ImportFiles.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.huiyi31.cli.Cli;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell longer than the contract allows its field is an invalid row, found while the file is
 * validated: named by line and column, with its length but never its value, and nothing is sent.
 */
class OversizedCellTest {

  private static FakePlatform platform;

  @TempDir
  Path dir;

  @BeforeAll
  static void startPlatform() {
    platform = new FakePlatform(0);
  }

  @AfterAll
  static void stopPlatform() {
    platform.close();
  }

  @Test
  void aTwentyMegabyteCellAndAnOverlongMobileAreInvalidRowsAndNothingIsSent() throws IOException {
    String huge = "x".repeat(20 * 1024 * 1024);
    Path csv = write(dir, "big.csv", "FullName,Mobile,Company\n"
        + "ok-1,13900000001,ACME\n"
        + "big-2,13900000002," + huge + "\n"
        + "long-3,139000000031390000003,ACME\n"
        + "ok-4,13900000004,ACME\n");

    Cli.Result result = Cli.run(args(csv, platform.baseUrl()));

    assertThat(result.exitCode()).as("exit code").isEqualTo(2);
    assertThat(result.err()).contains("2 of 4 rows are invalid. Nothing was sent.",
        "line 3: column \"Company\" has 20971520 characters, more than the 2000 allowed",
        "line 4: column \"Mobile\" has 21 characters, more than the 20 allowed");
    assertThat(result.err() + result.out()).hasSizeLessThan(2000).doesNotContain("xxxxxxxxxx", "1390000003139");
    assertThat(platform.requests()).isZero();
    assertThat(dir.resolve("big.csv.journal")).doesNotExist();
  }
}
