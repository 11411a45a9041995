package com.huiyi31.examples;

import com.huiyi31.examples.sandbox.Sandbox;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code huiyi31 sandbox}: runs the offline stand-in server until interrupted. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
    description = "Runs an offline stand-in of the platform on this machine (Ctrl-C stops it).")
final class SandboxCommand implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "8089", description = "Port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
  int port;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    Sandbox sandbox = Sandbox.start(port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }));
    spec.commandLine().getOut().println("Sandbox listening on " + sandbox.baseUrl() + " (Ctrl-C stops it).");
    spec.commandLine().getOut().flush();
    stopped.await();
    return Huiyi31Cli.OK;
  }
}
