package com.huiyi31.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table whose columns line up on a terminal, Chinese included: a CJK character takes
 * two columns there, so widths are counted in terminal columns, not characters. A cell may hold
 * several lines (continuation lines leave the other cells empty).
 */
final class TextTable {

  private final List<String> headers;
  private final List<List<List<String>>> rows = new ArrayList<>();

  TextTable(String... headers) {
    this.headers = List.of(headers);
  }

  /** A row; each cell is one or more lines. */
  TextTable row(List<List<String>> cells) {
    if (cells.size() != headers.size()) {
      throw new IllegalArgumentException(headers.size() + " cells expected, got " + cells.size());
    }
    rows.add(cells);
    return this;
  }

  /** Prints the header and rows, each line starting with {@code indent}; no trailing spaces. */
  void print(PrintWriter out, String indent) {
    int[] widths = new int[headers.size()];
    for (int c = 0; c < headers.size(); c++) {
      widths[c] = width(headers.get(c));
      for (List<List<String>> row : rows) {
        for (String line : row.get(c)) {
          widths[c] = Math.max(widths[c], width(line));
        }
      }
    }
    List<List<String>> header = headers.stream().map(List::of).toList();
    printRow(out, indent, header, widths);
    for (List<List<String>> row : rows) {
      printRow(out, indent, row, widths);
    }
  }

  private static void printRow(PrintWriter out, String indent, List<List<String>> row, int[] widths) {
    int height = row.stream().mapToInt(List::size).max().orElse(1);
    for (int l = 0; l < Math.max(1, height); l++) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < row.size(); c++) {
        String text = l < row.get(c).size() ? row.get(c).get(l) : "";
        line.append(text);
        if (c < row.size() - 1) {
          line.append(" ".repeat(widths[c] - width(text) + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Terminal columns: 2 for East Asian wide and fullwidth characters, 1 for the rest. */
  static int width(String text) {
    return text.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
  }

  private static boolean wide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
  }
}
