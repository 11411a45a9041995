package com.huiyi31.cli;

import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run of the {@code ./huiyi31} launcher: it runs the tool's one-off commands once, in
 * this JVM, so that the launcher can make a class-data-sharing archive of the classes they load
 * (the JVM lists them, {@code -XX:DumpLoadedClassList}; see the launcher script); later runs map
 * that archive instead of loading, verifying and linking the same classes again. The commands talk
 * to a sandbox in a process of its own, so that the sandbox's many classes (its contract validator,
 * YAML, logging) stay out of the archive: a smaller archive maps faster. It prints nothing, changes
 * nothing outside its temporary directory, and always exits 0: a command that fails here only
 * leaves its classes out of the archive.
 */
final class CdsTraining {

  private static final String EVENT = Huiyi31Sandbox.DEMO_EVENT_ID;
  private static final String TYPE = "51f10000-4961-fe41-aba5-08dc70ba48eb";
  private static final String TICKET = "40180000-300e-9237-c7af-08dc6f31f78c:嘉宾";

  private CdsTraining() {}

  public static void main(String[] args) {
    try {
      train();
    } catch (Exception | LinkageError e) {
      // Only what was loaded up to here is archived: a slower start, never a failure.
    }
    System.exit(0);
  }

  private static void train() throws IOException, InterruptedException, URISyntaxException {
    for (String command : List.of("", "register", "import", "types", "sandbox", "drift", "record")) {
      run(command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"});
    }
    run("--version");
    Path jar = Path.of(CdsTraining.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Process sandbox = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", jar.toString(), Huiyi31Cli.class.getName(), "sandbox", "--port", "0")
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    Path dir = Files.createTempDirectory("huiyi31-cds-training-"); // owner-only on POSIX
    try {
      String banner = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8))
          .readLine(); // "Sandbox listening on http://127.0.0.1:PORT"
      if (banner == null || !banner.contains("http://")) {
        return;
      }
      String url = banner.substring(banner.indexOf("http://")).strip();
      run("register", "--base-url", url, "--event", EVENT, "--type", TYPE, "--ticket", TICKET,
          "--field", "FullName=训练", "--field", "Mobile=13900000001");
      run("register", "--base-url", url, "--event", EVENT, "--type", TYPE, "--ticket", TICKET, "--json",
          "--field", "FullName=训练", "--field", "Mobile=13900000002");
      run("register", "--base-url", url, "--app-key", Huiyi31Sandbox.DEMO_APP_KEY, "--event", EVENT,
          "--type-name", "嘉宾", "--field", "姓名=训练", "--field", "手机=13900000003", "--field", "单选选择=单");
      run("types", "--base-url", url, "--app-key", Huiyi31Sandbox.DEMO_APP_KEY, "--event", EVENT);
      Path csv = Files.writeString(dir.resolve("training.csv"),
          "FullName,Mobile\n训练一,13900000004\n训练二,13900000005\n", StandardCharsets.UTF_8);
      run("import", csv.toString(), "--base-url", url, "--event", EVENT, "--type", TYPE, "--ticket", TICKET,
          "--dry-run");
      run("import", csv.toString(), "--base-url", url, "--event", EVENT, "--type", TYPE, "--ticket", TICKET);
    } finally {
      sandbox.destroy();
      sandbox.waitFor(30, TimeUnit.SECONDS);
      sandbox.destroyForcibly();
      try (Stream<Path> files = Files.walk(dir)) {
        List<Path> all = new ArrayList<>(files.toList());
        for (int i = all.size() - 1; i >= 0; i--) {
          Files.deleteIfExists(all.get(i));
        }
      }
    }
  }

  private static void run(String... args) {
    PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
    SecretSources secrets = new SecretSources(
        name -> name.equals(CredentialOptions.SECRET_VARIABLE) ? Huiyi31Sandbox.DEMO_APP_SECRET : null, null);
    Huiyi31Cli.execute(args, nowhere, nowhere, secrets, java.io.InputStream.nullInputStream());
  }
}
