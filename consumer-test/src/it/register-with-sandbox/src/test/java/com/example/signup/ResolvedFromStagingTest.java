package com.example.signup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.huiyi31.client.Huiyi31Client;
import com.huiyi31.sandbox.Huiyi31Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Not a test a team would write: it proves where this build took the library from. Each class
 * comes from a jar (not from the huiyi31 reactor's target/classes) in this build's own local
 * repository (not ~/.m2), downloaded from the staged release: Maven records the source
 * repository of a snapshot as maven-metadata-REPOSITORY.xml beside it, of a release in
 * _remote.repositories.
 */
class ResolvedFromStagingTest {

  @Test
  void theClientAndTheSandboxComeFromTheStagedRelease() throws Exception {
    for (Class<?> type : new Class<?>[] {Huiyi31Client.class, Huiyi31Sandbox.class}) {
      Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path folder = jar.getParent();

      assertTrue(jar.getFileName().toString().endsWith(".jar"), type + " comes from " + jar);
      assertFalse(jar.startsWith(Path.of(System.getProperty("user.home"), ".m2")), type + " comes from " + jar);
      boolean staged = Files.exists(folder.resolve("maven-metadata-huiyi31-staging.xml"))
          || Files.exists(folder.resolve("_remote.repositories"))
              && Files.readString(folder.resolve("_remote.repositories")).contains(">huiyi31-staging=");
      assertTrue(staged, type + " in " + folder + " was not downloaded from the staged release");
    }
  }
}
