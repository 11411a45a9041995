package com.huiyi31.cli.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Writing inputs and reading results and journals, for the import tests. */
final class ImportFiles {

  static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";
  static final String TYPE = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  static final String TICKET = "40180000-300e-9237-c7af-08dc6f31f78c:嘉宾";

  private ImportFiles() {}

  /** A CSV of {@code n} attendees named prefix-001 ... with valid mobiles; header FullName,Mobile,Company. */
  static Path attendees(Path dir, String fileName, String prefix, int n) throws IOException {
    StringBuilder csv = new StringBuilder("FullName,Mobile,Company\n");
    for (int i = 1; i <= n; i++) {
      csv.append(String.format("%s-%03d,139%08d,ACME\n", prefix, i, i));
    }
    return write(dir, fileName, csv.toString());
  }

  static Path write(Path dir, String fileName, String content) throws IOException {
    return Files.writeString(dir.resolve(fileName), content, StandardCharsets.UTF_8);
  }

  /** The arguments of an import of {@code file} against {@code baseUrl}, then {@code more}. */
  static String[] args(Path file, String baseUrl, String... more) {
    List<String> args = new ArrayList<>(List.of("import", file.toString(), "--base-url", baseUrl,
        "--event", EVENT, "--type", TYPE, "--ticket", TICKET));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  /** The result CSV's rows by FullName (each as column -> value). */
  static Map<String, Map<String, String>> results(Path resultCsv) throws IOException {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    try (Reader reader = Files.newBufferedReader(resultCsv, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader)
            .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      for (CSVRecord record : parser) {
        rows.put(record.get(0), record.toMap());
      }
    }
    return rows;
  }

  /** The journal's row events: [time, event, line, hash, details...] each. */
  static List<String[]> journalEvents(Path journal) throws IOException {
    List<String[]> events = new ArrayList<>();
    for (String line : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
      if (!line.startsWith("#") && !line.isBlank()) {
        events.add(line.split("\t"));
      }
    }
    return events;
  }
}
