package com.huiyi31.cli;

import com.huiyi31.sandbox.Drift;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code huiyi31 sandbox}: runs the offline stand-in server until the process is killed
 * (Ctrl-C). It prints where it listens, its demo credentials and event, and the trigger values,
 * then stays quiet: it may serve thousands of requests.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = {
        "Runs an offline stand-in of the platform on this machine (Ctrl-C stops it), for clients in any language.",
        "It serves POST /connect/token (tokens for its demo credentials), POST /op/api/AttendeeType/v1/list (the "
            + "attendee types, tickets and form fields of its demo event) and POST /op/notoken/api/Attendee/v1/Register, "
            + "validates every request against the contract (huiyi31/openapi.yaml) and the platform's rules, and answers "
            + "like the platform, with fresh order numbers on every call.",
        "Demo credentials (not secrets): app key " + Huiyi31Sandbox.DEMO_APP_KEY + ", app secret " + Huiyi31Sandbox.DEMO_APP_SECRET + ".",
        "Demo event: " + Huiyi31Sandbox.DEMO_EVENT_ID + ". Register for it is checked against its forms: type and ticket ids "
            + "from the type list, field names on the type's form, option codes (not option texts)."})
final class SandboxCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8089", paramLabel = "PORT",
      description = "Port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--drift", split = ",", paramLabel = "KIND",
      description = "Drift from the contract in these documented ways (KIND[,KIND...], listed below), to test drift checks "
          + "(huiyi31 drift) and clients' tolerance. Default: none, the contract exactly.")
  List<Drift> drifts = new ArrayList<>();

  private CommandLine.Model.CommandSpec spec;

  private final CountDownLatch listening = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Huiyi31Sandbox sandbox;

  /** Picocli hands over the command's model here; --help shows the triggers from {@link Huiyi31Sandbox#triggers()}. */
  @CommandLine.Spec
  void spec(CommandLine.Model.CommandSpec spec) {
    this.spec = spec;
    spec.usageMessage().footerHeading("%nTrigger values (checked in this order, for valid requests):%n");
    List<String> footer = new ArrayList<>(helpLines());
    footer.add("");
    footer.add("Drift kinds (--drift):");
    for (Drift drift : Drift.values()) {
      footer.add("  " + drift + ": " + drift.description());
    }
    spec.usageMessage().footer(footer.toArray(new String[0]));
  }

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port + ".");
    }
    PrintWriter out = spec.commandLine().getOut();
    Huiyi31Sandbox started;
    try {
      started = Huiyi31Sandbox.start(port, drifts.isEmpty() ? EnumSet.noneOf(Drift.class) : EnumSet.copyOf(drifts));
    } catch (IllegalStateException e) {
      spec.commandLine().getErr().println(e.getMessage());
      spec.commandLine().getErr().flush();
      return Huiyi31Cli.FAILED;
    }
    sandbox = started;
    Thread shutdownHook = new Thread(() -> {
      started.close();
      stopped.countDown();
    }, "huiyi31-sandbox-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      out.println("Sandbox listening on " + started.baseUrl());
      out.println("Demo credentials (not secrets): app key " + Huiyi31Sandbox.DEMO_APP_KEY + ", app secret "
          + Huiyi31Sandbox.DEMO_APP_SECRET);
      out.println("Demo event: " + Huiyi31Sandbox.DEMO_EVENT_ID + " (attendee types " + Huiyi31Sandbox.demoTypeNames() + ")");
      out.println("  Try: HUIYI31_APP_SECRET=" + Huiyi31Sandbox.DEMO_APP_SECRET + " huiyi31 types --base-url " + started.baseUrl()
          + " --app-key " + Huiyi31Sandbox.DEMO_APP_KEY + " --event " + Huiyi31Sandbox.DEMO_EVENT_ID);
      out.println("Trigger values (checked in this order, for valid requests):");
      helpLines().forEach(out::println);
      if (!drifts.isEmpty()) {
        out.println("Drifting from the contract (--drift):");
        EnumSet.copyOf(drifts).forEach(drift -> out.println("  " + drift + ": " + drift.description()));
      }
      out.println("Ctrl-C stops it.");
      out.flush();
      listening.countDown();
      stopped.await();
      return Huiyi31Cli.OK;
    } finally {
      started.close();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is already stopping: the hook is what woke us up
      }
    }
  }

  /** The trigger list and the invalid-request code, one indented line each (for the banner and --help). */
  private static List<String> helpLines() {
    List<String> lines = new ArrayList<>();
    Huiyi31Sandbox.triggers().forEach(trigger -> lines.add("  " + trigger.when() + " -> " + trigger.answer()));
    lines.add("  Any invalid request (breaks the contract or a platform rule, or is not JSON) -> businessCode "
        + Huiyi31Sandbox.INVALID_REQUEST_CODE + " (the sandbox's own code), data null, businessMessage naming each problem");
    return lines;
  }

  /** For tests: waits until the sandbox listens and the banner is printed; the sandbox, or null after the timeout. */
  Huiyi31Sandbox awaitListening(Duration timeout) throws InterruptedException {
    return listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? sandbox : null;
  }

  /** For tests: stops the command as the shutdown hook would (call() then returns 0). */
  void stop() {
    stopped.countDown();
  }
}
