package com.huiyi31.cli.drift;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.huiyi31.cli.terminal.TerminalText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link DriftCheck} found: every way the platform's answers differ from the contract
 * ({@link #findings()}), and what could not be checked ({@link #unchecked()}). It holds JSON
 * paths, JSON types and the spec's locations, never a value of an answer (the one exception: a
 * new value of an enum-like property such as {@code orderStatus}, which is the platform's
 * vocabulary, not a person's data), nor a token. Immutable.
 */
public final class DriftReport {

  /** The ways an answer can differ from the contract. */
  public enum Kind {
    /** A property the spec does not declare (reported with its JSON type, never its value). */
    UNDECLARED_PROPERTY,
    /** A property the spec declares that the answer does not have. */
    MISSING_PROPERTY,
    /** A declared property spelt with other casing ({@code IsCanSale} for {@code isCanSale}). */
    KEY_CASING,
    /** A value of another JSON type than the spec's (a number where it says string; null where it is not nullable). */
    TYPE_MISMATCH,
    /** A value of the right type outside its format ({@code int32}, {@code int64}, {@code date-time}, {@code uuid}). */
    FORMAT_MISMATCH,
    /** A value of an enum-like property that neither the spec's {@code enum} nor any of its examples shows. */
    UNKNOWN_ENUM_VALUE,
    /** An answer whose {@code Content-Type} is not one the spec declares for it. */
    CONTENT_TYPE
  }

  /**
   * One difference, counted once however many array elements show it.
   *
   * @param operation the spec's operationId ({@code listAttendeeTypes})
   * @param kind what differs
   * @param path where in the answer, array indexes as {@code [*]} ({@code $.data.attendeeTypes[*].sortOrder});
   *     {@code $} for the answer as a whole
   * @param detail what the spec says and what came instead, in words
   * @param specLocation the part of the spec concerned ({@code #/components/schemas/AttendeeType})
   * @param occurrences how many times the answer shows it
   */
  public record Finding(String operation, Kind kind, String path, String detail, String specLocation, int occurrences) {
    /** Checks that every part is there. */
    public Finding {
      Objects.requireNonNull(operation, "operation == null");
      Objects.requireNonNull(kind, "kind == null");
      Objects.requireNonNull(path, "path == null");
      Objects.requireNonNull(detail, "detail == null");
      Objects.requireNonNull(specLocation, "specLocation == null");
    }
  }

  private final String target;
  private final String specVersion;
  private final List<String> checked;
  private final List<Finding> findings;
  private final List<String> unchecked;

  DriftReport(String target, String specVersion, List<String> checked, List<Finding> findings, List<String> unchecked) {
    this.target = target;
    this.specVersion = specVersion;
    this.checked = List.copyOf(checked);
    this.findings = List.copyOf(findings);
    this.unchecked = List.copyOf(unchecked);
  }

  /** Whether any answer differs from the contract. */
  public boolean hasDrift() {
    return !findings.isEmpty();
  }

  /** Whether every exchange asked for was made and checked; false when {@link #unchecked()} says why not. */
  public boolean complete() {
    return unchecked.isEmpty();
  }

  /** The differences, by operation in the order they were checked, each operation's in the order found. */
  public List<Finding> findings() {
    return findings;
  }

  /** The operations whose answers were checked (their operationIds). */
  public List<String> checked() {
    return checked;
  }

  /** What could not be checked, and why, one sentence each (a refused token, a failed connection, ...). */
  public List<String> unchecked() {
    return unchecked;
  }

  /** The report for a person: where, what was checked, each finding, and what to do next. Safe to print on a terminal. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Drift check of ").append(TerminalText.safe(target)).append(" against the contract (openapi.yaml ")
        .append(specVersion).append(").\n");
    for (String operation : checked) {
      List<Finding> own = findings.stream().filter(f -> f.operation().equals(operation)).toList();
      out.append(operation).append(": ").append(own.isEmpty() ? "no drift" : own.size() + (own.size() == 1 ? " finding" : " findings"))
          .append('\n');
      for (Finding f : own) {
        out.append("  ").append(f.kind()).append("  ").append(TerminalText.safe(f.path()))
            .append(f.occurrences() > 1 ? " (" + f.occurrences() + " times)" : "").append('\n')
            .append("      ").append(TerminalText.safe(f.detail())).append(" [").append(f.specLocation()).append("]\n");
      }
    }
    unchecked.forEach(reason -> out.append("Not checked: ").append(TerminalText.safe(reason)).append('\n'));
    if (hasDrift()) {
      out.append("Drift: ").append(findings.size()).append(findings.size() == 1 ? " finding" : " findings")
          .append(". Record the answers as fixtures (huiyi31 record), update openapi/openapi.yaml, let the breaking-change "
              + "gate judge the change, regenerate the client and release.\n");
    } else if (complete()) {
      out.append("No drift: every answer keeps the contract.\n");
    } else {
      out.append("No drift in what was checked, but the check is incomplete.\n");
    }
    return out.toString();
  }

  /** The report as JSON: {@code target}, {@code specVersion}, {@code drift}, {@code complete}, {@code checked}, {@code findings}, {@code unchecked}. */
  public String toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("target", target);
    json.put("specVersion", specVersion);
    json.put("drift", hasDrift());
    json.put("complete", complete());
    json.put("checked", checked);
    json.put("findings", findings);
    json.put("unchecked", unchecked);
    try {
      return TerminalText.json(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the report as JSON", e); // strings, lists and records: does not happen
    }
  }

  @Override
  public String toString() {
    return "DriftReport[" + target + ", " + findings.size() + " findings, " + unchecked.size() + " unchecked]";
  }
}
