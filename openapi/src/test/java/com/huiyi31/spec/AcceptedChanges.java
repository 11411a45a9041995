package com.huiyi31.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.huiyi31.spec.BreakingChangeGate.Change;
import com.huiyi31.spec.BreakingChangeGate.Kind;
import com.huiyi31.spec.BreakingChangeGate.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Breaking changes that the maintainers accepted <em>before the first release</em>, one by one,
 * each with its reason ({@code openapi/accepted-breaking-changes.yaml}).
 *
 * <p>The baseline stands in for a release that has not happened yet, so that teams generating
 * from {@code main} are not broken silently. A change that breaks only the unreleased baseline
 * (bounds the platform always enforced, now written down) may be accepted here instead of
 * editing the baseline or raising the MAJOR version. Three rules keep this from becoming a way
 * round the gate:
 *
 * <ul>
 *   <li>acceptances count only while {@code baseline/README.md} says the baseline is
 *       <strong>not released yet</strong> (the release procedure rewrites that paragraph, so after
 *       the first release every breaking change needs a new MAJOR version again);
 *   <li>the file names the baseline version it was written against, and must match it;
 *   <li>each accepted change is named exactly as the report names it, and an acceptance that no
 *       longer matches a change fails the gate (so the file is emptied when the baseline moves).
 * </ul>
 */
final class AcceptedChanges {

  static final String UNRELEASED_MARK = "**not released yet**";

  private AcceptedChanges() {}

  /** The verdict with the accepted breaking changes marked {@link Kind#ACCEPTED}, or with a problem. */
  static Verdict apply(Verdict verdict, Path acceptedFile, Path baselineReadme) {
    if (verdict.problem() != null || !Files.exists(acceptedFile)) {
      return verdict;
    }
    JsonNode root = read(acceptedFile);
    Set<String> accepted = new LinkedHashSet<>();
    for (JsonNode group : root.path("accepted")) {
      if (group.path("reason").asText("").isBlank()) {
        return withProblem(verdict, acceptedFile + ": every group of accepted changes needs a `reason`");
      }
      group.path("changes").forEach(change -> accepted.add(change.asText()));
    }
    if (accepted.isEmpty()) {
      return verdict;
    }
    String readme = readString(baselineReadme);
    if (!readme.contains(UNRELEASED_MARK)) {
      return withProblem(verdict, acceptedFile + " accepts " + accepted.size() + " breaking change(s), but the"
          + " baseline has been released (" + baselineReadme + " no longer says " + UNRELEASED_MARK
          + "): after a release a breaking change needs a new MAJOR version. Empty the file.");
    }
    String writtenFor = root.path("baseline").asText("");
    if (!writtenFor.equals(verdict.baselineVersion())) {
      return withProblem(verdict, acceptedFile + " was written for baseline `" + writtenFor + "`, but the baseline is "
          + verdict.baselineVersion() + ". Empty it (acceptances do not carry over to a new baseline).");
    }
    List<Change> changes = new ArrayList<>();
    Set<String> unmatched = new LinkedHashSet<>(accepted);
    for (Change change : verdict.changes()) {
      if (change.kind() == Kind.BREAKING && accepted.contains(change.toString())) {
        unmatched.remove(change.toString());
        changes.add(new Change(Kind.ACCEPTED, change.where(), change.what()));
      } else {
        changes.add(change);
      }
    }
    if (!unmatched.isEmpty()) {
      return withProblem(verdict, acceptedFile + " accepts change(s) that no longer happen; remove them: "
          + String.join("; ", unmatched));
    }
    return new Verdict(verdict.baselineVersion(), verdict.currentVersion(), List.copyOf(changes), verdict.diff(), null);
  }

  private static Verdict withProblem(Verdict verdict, String problem) {
    return new Verdict(verdict.baselineVersion(), verdict.currentVersion(), verdict.changes(), verdict.diff(), problem);
  }

  private static JsonNode read(Path file) {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
