package com.huiyi31.cli;

import com.huiyi31.cli.terminal.TerminalText;
import com.huiyi31.client.Huiyi31BusinessException;
import com.huiyi31.client.Huiyi31Exception;
import com.huiyi31.client.Huiyi31ValidationException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code huiyi31} command-line tool. */
@Command(
    name = "huiyi31",
    mixinStandardHelpOptions = true,
    versionProvider = Huiyi31Cli.Version.class,
    description = {
        "Registers attendees on the 31huiyi (31会议) platform, in bulk too, shows an event's attendee types, tickets "
            + "and form fields, and runs an offline sandbox.",
        "With --app-key (its secret in the environment variable HUIYI31_APP_SECRET, or typed when asked), register and "
            + "import take names: the attendee type and ticket by name, fields by their labels, choices by their text."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:done",
        "1:the platform refused, or an HTTP or connection failure; drift: drift found; record: a fixture contradicts the spec",
        "2:usage error or invalid input (nothing was sent)",
        "3:import finished, but some rows failed or their outcome is unknown",
        "4:out of memory: give Java more (JAVA_TOOL_OPTIONS=-Xmx1g) and run again; an import resumes where it stopped",
        "130/143:stopped by Ctrl-C (SIGINT) or SIGTERM; an import writes its results and summary first"})
public final class Huiyi31Cli implements Runnable {

  /**
   * The commands, in the order --help lists them. Added when the tool runs ({@link #execute}): all of
   * them, or only the one named on the command line (its model alone is built, and nothing of the
   * others is loaded: a one-off command starts faster).
   */
  static final List<Class<?>> COMMANDS = List.of(RegisterCommand.class, ImportCommand.class, TypesCommand.class,
      SandboxCommand.class, DriftCommand.class, RecordCommand.class);

  /** Exit codes, as documented in --help. */
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int PARTIAL = 3;
  static final int OUT_OF_MEMORY = 4;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final SecretSources secrets;
  private final InputStream stdin;

  private Huiyi31Cli(SecretSources secrets, InputStream stdin) {
    this.secrets = secrets;
    this.stdin = stdin;
  }

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    Thread.setDefaultUncaughtExceptionHandler(OutOfMemory.uncaughtHandler(err, commandName(args), System::exit));
    System.exit(execute(args, new PrintWriter(System.out, true), err));
  }

  /** Runs the tool with the given output streams and returns its exit code (for tests too). */
  static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, out, err, SecretSources.system());
  }

  /** As {@link #execute(String[], PrintWriter, PrintWriter)}, with the app secret read from {@code secrets}. */
  static int execute(String[] args, PrintWriter out, PrintWriter err, SecretSources secrets) {
    return execute(args, out, err, secrets, System.in);
  }

  /** As {@link #execute(String[], PrintWriter, PrintWriter, SecretSources)}, with {@code stdin} as standard input. */
  static int execute(String[] args, PrintWriter out, PrintWriter err, SecretSources secrets, InputStream stdin) {
    return execute(args, out, err, secrets, stdin, CommandLine.defaultFactory());
  }

  /**
   * As {@link #execute(String[], PrintWriter, PrintWriter, SecretSources, InputStream)}, the commands
   * made by {@code factory} (picocli's; tests substitute a command).
   */
  static int execute(String[] args, PrintWriter out, PrintWriter err, SecretSources secrets, InputStream stdin,
      CommandLine.IFactory factory) {
    CommandLine cli = new CommandLine(new Huiyi31Cli(secrets, stdin), factory);
    String named = commandName(args);
    boolean known = false;
    for (Class<?> command : COMMANDS) {
      known |= name(command).equals(named);
    }
    for (Class<?> command : COMMANDS) {
      if (!known || name(command).equals(named)) { // a typo or --help: all of them, for the suggestions and the list
        cli.addSubcommand(command);
      }
    }
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter stderr = commandLine.getErr();
      if (OutOfMemory.causedIt(e)) { // from an import's worker, as the cause
        stderr.println(OutOfMemory.message(commandLine.getCommandName()));
        stderr.flush();
        return OUT_OF_MEMORY;
      }
      if (e instanceof Huiyi31ValidationException) {
        stderr.println("Not sent: the request is invalid.");
        // A problem may quote the platform's names (of types, tickets, fields): see TerminalText.
        ((Huiyi31ValidationException) e).problems().forEach(p -> stderr.println("  " + TerminalText.safe(String.valueOf(p))));
        return USAGE;
      }
      if (e instanceof Huiyi31BusinessException) {
        Huiyi31BusinessException refused = (Huiyi31BusinessException) e;
        // The platform's words may quote a person (masked as the client's messages and logs are)
        // and hold terminal control sequences (escaped).
        String message = refused.maskedBusinessMessage();
        stderr.println("Refused by the platform: businessCode " + refused.businessCode() + " "
            + (message == null ? "" : TerminalText.safe(message)));
        return FAILED;
      }
      if (e instanceof Huiyi31Exception) {
        stderr.println(TerminalText.safe(e.getMessage())); // quotes a server's error page or an I/O error
        return FAILED;
      }
      throw e;
    });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) { // picocli passes an Error from a command through
      CommandLine.ParseResult parsed = cli.getParseResult();
      err.println(OutOfMemory.message(parsed == null || parsed.subcommand() == null ? null
          : parsed.subcommand().commandSpec().name()));
      err.flush();
      return OUT_OF_MEMORY;
    }
  }

  /** The command named on the command line: its first argument that is not an option or an @-file; null if none. */
  static String commandName(String[] args) {
    for (String arg : args) { // no stream: the first lambda of a JVM costs milliseconds of a one-off command's start
      if (!arg.startsWith("-") && !arg.startsWith("@")) {
        return arg;
      }
    }
    return null;
  }

  private static String name(Class<?> command) {
    return command.getAnnotation(Command.class).name();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: register, import, types, sandbox, drift or record.");
  }

  /**
   * Where the app secret comes from for a command run under {@code commandLine}: this tool's
   * sources, or the system's when the command runs on its own (tests of one command).
   */
  static SecretSources secrets(CommandLine commandLine) {
    Object root = commandLine.getCommandSpec().root().userObject();
    return root instanceof Huiyi31Cli ? ((Huiyi31Cli) root).secrets : SecretSources.system();
  }

  /** Standard input for a command run under {@code commandLine} (a test's, or the process's). */
  static InputStream stdin(CommandLine commandLine) {
    Object root = commandLine.getCommandSpec().root().userObject();
    return root instanceof Huiyi31Cli ? ((Huiyi31Cli) root).stdin : System.in;
  }

  /** The version of the jar (from its manifest), or "development" when run from classes. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Huiyi31Cli.class.getPackage().getImplementationVersion();
      return new String[] {"huiyi31 " + (version == null ? "development" : version)};
    }
  }
}
