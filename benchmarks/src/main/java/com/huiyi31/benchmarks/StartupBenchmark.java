package com.huiyi31.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Figure 1: how long a one-off command takes, as a person waits for it. {@code huiyi31 register}
 * of one attendee against a loopback stub (and {@code --help}), run as {@code java -jar
 * cli/target/huiyi31.jar} and through the {@code ./huiyi31} launcher, each in a new process,
 * alternated (the order rotated every round); medians of wall time and peak resident memory.
 * Also the launcher's first run after a build (its archive missing: the training run included).
 */
final class StartupBenchmark {

  private static final String EVENT = "07320000-fe25-16f7-4c65-08d9fb59aefd";

  private StartupBenchmark() {}

  static void run(int rounds) throws Exception {
    HttpServer stub = EndToEnd.stub();
    Path dir = Files.createTempDirectory("startup-benchmark-");
    try {
      String url = "http://127.0.0.1:" + stub.getAddress().getPort();
      String[] register = {"register", "--base-url", url, "--event", EVENT, "--type", "51f10000-4961-fe41-aba5-08dc70ba48eb",
          "--ticket", "40180000-300e-9237-c7af-08dc6f31f78c:嘉宾", "--field", "FullName=张晓明", "--field", "Mobile=13912345678"};
      Map<String, List<String>> ways = new LinkedHashMap<>();
      List<String> firstRuns = new ArrayList<>();
      for (ToolRuns.Version version : ToolRuns.versions()) {
        ways.put(version.name() + ": java -jar … register", ToolRuns.javaJar(version.jar(), List.of(), register));
        ways.put(version.name() + ": ./huiyi31 register", ToolRuns.launcher(version.launcher(), register));
        ways.put(version.name() + ": java -jar … --help", ToolRuns.javaJar(version.jar(), List.of(), "--help"));
        ways.put(version.name() + ": ./huiyi31 --help", ToolRuns.launcher(version.launcher(), "--help"));
        firstRuns.add(firstRun(version, register, dir));
      }
      String loadBefore = ToolRuns.load();
      Map<String, List<Double>> seconds = new LinkedHashMap<>();
      Map<String, List<Double>> rss = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(ways.keySet());
      for (int round = 0; round < rounds; round++) {
        for (int i = 0; i < names.size(); i++) {
          String name = names.get(Math.floorMod(i + round, names.size()));
          ToolRuns.Run run = ToolRuns.run(ways.get(name), dir, null);
          if (run.exit() != 0 || name.contains("register") && !run.out().contains("Registered: order")) {
            throw new IllegalStateException(name + " failed (exit " + run.exit() + "):\n" + run.out() + run.err());
          }
          seconds.computeIfAbsent(name, k -> new ArrayList<>()).add(run.seconds());
          rss.computeIfAbsent(name, k -> new ArrayList<>()).add(run.maxRssKb() / 1024.0);
        }
      }
      System.out.printf(Locale.ROOT, "## Start-up (%d alternated rounds, a new process each; load average %s before, %s after)%n%n",
          rounds, loadBefore, ToolRuns.load());
      System.out.println("| way | wall s (median) | runs | peak RSS MB (median) |");
      System.out.println("|---|---:|---|---:|");
      for (String name : names) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %s | %.0f |%n", name, ToolRuns.median(seconds.get(name)),
            ToolRuns.list(seconds.get(name), "%.2f"), ToolRuns.median(rss.get(name)));
      }
      System.out.println();
      System.out.println("| version | ./huiyi31 register ÷ java -jar register | ./huiyi31 --help ÷ java -jar --help |");
      System.out.println("|---|---:|---:|");
      for (ToolRuns.Version version : ToolRuns.versions()) {
        String v = version.name();
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f |%n", v,
            ToolRuns.median(seconds.get(v + ": ./huiyi31 register")) / ToolRuns.median(seconds.get(v + ": java -jar … register")),
            ToolRuns.median(seconds.get(v + ": ./huiyi31 --help")) / ToolRuns.median(seconds.get(v + ": java -jar … --help")));
      }
      System.out.println();
      firstRuns.forEach(System.out::println);
      System.out.println();
    } finally {
      stub.stop(0);
      ((ExecutorService) stub.getExecutor()).shutdownNow();
      ToolRuns.delete(dir);
    }
  }

  /**
   * The launcher's first register after a build: its archive (cli/target/huiyi31.jsa and its stamp)
   * removed, so this run trains and saves a new one first. Leaves a fresh archive for the rounds.
   */
  private static String firstRun(ToolRuns.Version version, String[] register, Path dir) throws Exception {
    Path archive = version.root().resolve("cli/target/huiyi31.jsa");
    Files.deleteIfExists(archive);
    Files.deleteIfExists(archive.resolveSibling("huiyi31.jsa.stamp"));
    ToolRuns.Run run = ToolRuns.run(ToolRuns.launcher(version.launcher(), register), dir, null);
    if (run.exit() != 0) {
      throw new IllegalStateException("the first run of " + version.launcher() + " failed:\n" + run.out() + run.err());
    }
    return String.format(Locale.ROOT, "%s: first ./huiyi31 register after a build (no archive yet: %s): %.2f s; archive %s.",
        version.name(), Files.exists(archive) ? "trains one" : "none made", run.seconds(),
        Files.exists(archive) ? Files.size(archive) / (1024 * 1024) + " MB" : "none");
  }
}
