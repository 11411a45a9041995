package com.huiyi31.cli.drift;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link DriftCheck#record(java.nio.file.Path, String)} wrote: the fixture files, where they
 * contradict the contract as the contract tests validate it, and what could not be recorded.
 * Messages name files, JSON paths and the spec's parts; the fixtures hold fakes, never a token.
 */
public final class Recording {

  private final List<Path> files;
  private final List<String> contradictions;
  private final List<String> unchecked;

  Recording(List<Path> files, List<String> contradictions, List<String> unchecked) {
    this.files = List.copyOf(files);
    this.contradictions = List.copyOf(contradictions);
    this.unchecked = List.copyOf(unchecked);
  }

  /** The files written, in the order written. */
  public List<Path> files() {
    return files;
  }

  /**
   * Where a fixture breaks the contract, one line each: the file, the JSON path, the validator's
   * words and the part of the spec it contradicts. Empty when every fixture validates.
   */
  public List<String> contradictions() {
    return contradictions;
  }

  /** What could not be recorded, and why (a refused token, a failed connection, a business refusal, ...). */
  public List<String> unchecked() {
    return unchecked;
  }

  /** Whether everything asked for was recorded and every fixture validates against the contract. */
  public boolean valid() {
    return contradictions.isEmpty() && unchecked.isEmpty();
  }

  @Override
  public String toString() {
    return "Recording[" + files.size() + " files, " + contradictions.size() + " contradictions, " + unchecked.size()
        + " unchecked]";
  }
}
