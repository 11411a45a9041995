package com.huiyi31.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The tool builds only the command it runs (a one-off command starts faster: none of the others'
 * options, descriptions or classes), and all of them when it must show or suggest them.
 */
class CommandsTest {

  /** The command classes picocli's factory was asked for while running {@code args}. */
  private static List<Class<?>> made(String... args) {
    List<Class<?>> made = new ArrayList<>();
    CommandLine.IFactory recording = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        if (Huiyi31Cli.COMMANDS.contains(cls)) {
          made.add(cls);
        }
        return CommandLine.defaultFactory().create(cls);
      }
    };
    Huiyi31Cli.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
        new SecretSources(name -> null, null), new ByteArrayInputStream(new byte[0]), recording);
    return made;
  }

  @Test
  void aNamedCommandIsTheOnlyOneBuilt() {
    assertThat(made("register", "--help")).containsExactly(RegisterCommand.class);
    assertThat(made("import", "--help")).containsExactly(ImportCommand.class);
    assertThat(made("types", "--help")).containsExactly(TypesCommand.class);
    assertThat(made("drift", "--help")).containsExactly(DriftCommand.class);
  }

  @Test
  void theHelpAndAMisspeltCommandGetThemAll() {
    assertThat(made("--help")).containsExactly(RegisterCommand.class, ImportCommand.class, TypesCommand.class,
        SandboxCommand.class, DriftCommand.class, RecordCommand.class);

    Cli.Result misspelt = Cli.run("regster");

    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("Unmatched argument", "regster", "Did you mean", "register");
    assertThat(Cli.run("--help").out()).containsSubsequence("register", "import", "types", "sandbox", "drift", "record");
  }
}
