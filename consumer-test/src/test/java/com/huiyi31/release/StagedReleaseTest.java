package com.huiyi31.release;

import static com.huiyi31.release.StagedRepository.child;
import static com.huiyi31.release.StagedRepository.children;
import static com.huiyi31.release.StagedRepository.file;
import static com.huiyi31.release.StagedRepository.publishedModules;
import static com.huiyi31.release.StagedRepository.read;
import static com.huiyi31.release.StagedRepository.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huiyi31.release.StagedRepository.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The staged release as Maven Central and a consuming team receive it: every published module
 * (root pom.xml, "Release") with what a public repository requires, and the BOM listing exactly
 * those modules.
 */
class StagedReleaseTest {

  private static final List<String> JAR_FILES = List.of(".pom", ".jar", "sources.jar", "javadoc.jar", "cyclonedx.json");

  @Test
  void theModulesThatPublishThemselvesAreFound() {
    assertThat(publishedModules()).extracting(Module::artifactId).contains(
        "huiyi31-openapi-spec", "huiyi31-generated-client", "huiyi31-client", "huiyi31-sandbox", "huiyi31-cli",
        "huiyi31-spring-boot-starter", "huiyi31-bom");
  }

  @Test
  void exactlyThePublishedModulesAreStaged() {
    assertThat(StagedRepository.stagedArtifactIds()).as("artifacts in " + StagedRepository.STAGING)
        .containsExactlyInAnyOrderElementsOf(publishedModules().stream().map(Module::artifactId).toList());
  }

  @Test
  void everyPublishedJarComesWithSourcesJavadocAnSbomAndChecksums() {
    List<String> missing = new ArrayList<>();
    for (Module module : publishedModules()) {
      List<String> files = module.isJar() ? JAR_FILES : List.of(".pom");
      for (String name : files) {
        Path staged = staged(module.artifactId(), name);
        for (Path expected : List.of(staged, Path.of(staged + ".sha1"), Path.of(staged + ".md5"))) {
          if (!Files.isRegularFile(expected)) {
            missing.add(StagedRepository.STAGING.relativize(expected).toString());
          }
        }
      }
    }
    assertThat(missing).as("missing from the staged release").isEmpty();
  }

  @Test
  void theContractAndTheRunnableToolAreStagedToo() {
    assertThat(file("huiyi31-openapi-spec", "", "yaml")).isRegularFile().content().startsWith("openapi: 3.");
    assertThat(file("huiyi31-cli", "all", "jar")).isRegularFile();
  }

  @Test
  void everyJarNamesItsModuleInItsManifest() throws IOException {
    List<String> names = new ArrayList<>();
    for (Module module : publishedModules()) {
      if (!module.isJar()) {
        continue;
      }
      try (JarFile jar = new JarFile(staged(module.artifactId(), ".jar").toFile())) {
        String name = jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        assertThat(name).as(module.artifactId() + "'s Automatic-Module-Name")
            .isEqualTo(module.moduleName()).matches("com\\.huiyi31(\\.[a-z][a-z0-9]*)+");
        names.add(name);
      }
    }
    assertThat(names).as("one name per module").doesNotHaveDuplicates()
        .contains("com.huiyi31.client", "com.huiyi31.sandbox", "com.huiyi31.cli", "com.huiyi31.openapi", "com.huiyi31.client.generated");
  }

  @Test
  void everyPublishedPomStandsAloneWithTheMetadataMavenCentralRequires() {
    for (Module module : publishedModules()) {
      Element pom = read(staged(module.artifactId(), ".pom"));
      String what = module.artifactId() + "'s published POM";

      assertThat(child(pom, "parent")).as(what + ": no parent, so huiyi31-parent need not be published").isNull();
      assertThat(text(pom, "name")).as(what + " name").isNotBlank();
      assertThat(text(pom, "description")).as(what + " description").isNotBlank();
      assertThat(text(pom, "url")).as(what + " url").startsWith("https://");
      assertThat(children(child(pom, "licenses"), "license")).as(what + " licence").singleElement()
          .satisfies(licence -> assertThat(text(licence, "name")).isEqualTo("Apache-2.0"));
      assertThat(text(child(pom, "scm"), "connection")).as(what + " scm").startsWith("scm:git:");
      assertThat(text(child(pom, "scm"), "url")).as(what + " scm url").isEqualTo(text(pom, "url"));
      assertThat(children(child(pom, "developers"), "developer")).as(what + " developers").isNotEmpty();
      for (Element dependency : children(child(pom, "dependencies"), "dependency")) {
        assertThat(text(dependency, "version")).as(what + ": " + text(dependency, "artifactId") + "'s version")
            .isNotBlank().doesNotContain("${");
      }
      if (module.isJar()) {
        assertThat(child(pom, "dependencyManagement")).as(what + ": manages no versions for its users").isNull();
      }
    }
  }

  @Test
  void theBomListsEveryPublishedModuleAndNoOtherArtifact() {
    Element bom = read(staged("huiyi31-bom", ".pom"));
    List<Element> managed = children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency");

    assertThat(managed).allSatisfy(dependency -> {
      assertThat(text(dependency, "groupId")).isEqualTo("com.huiyi31");
      assertThat(text(dependency, "version")).isIn("${project.version}", StagedRepository.VERSION);
    });
    assertThat(managed.stream().map(dependency -> text(dependency, "artifactId")).distinct())
        .as("the BOM (bom/pom.xml) against the published modules: add a new published module to it")
        .containsExactlyInAnyOrderElementsOf(publishedModules().stream().filter(Module::isJar).map(Module::artifactId).toList());
  }

  @Test
  void everyPublishedModuleIsBuiltBeforeTheConsumerProjects() {
    Element pom = read(StagedRepository.ROOT.resolve("consumer-test/pom.xml"));
    List<String> dependencies = children(child(pom, "dependencies"), "dependency").stream()
        .map(dependency -> text(dependency, "artifactId")).toList();

    assertThat(dependencies).as("consumer-test/pom.xml's dependencies (the reactor builds, and so stages, them first)")
        .containsAll(publishedModules().stream().map(Module::artifactId).toList());
  }

  @Test
  void theGeneratedSourcesAndTheirJavadocArePublished() throws IOException {
    assertThat(entries(staged("huiyi31-generated-client", "sources.jar")))
        .contains("com/huiyi31/client/model/RegisterAttendeeRequest.java", "com/huiyi31/client/api/AttendeeApi.java");
    assertThat(entries(staged("huiyi31-generated-client", "javadoc.jar")))
        .contains("index.html", "com/huiyi31/client/model/RegisterAttendeeRequest.html");
    assertThat(entries(staged("huiyi31-client", "sources.jar"))).contains("com/huiyi31/client/Huiyi31Client.java");
    assertThat(entries(staged("huiyi31-openapi-spec", "sources.jar"))).contains("huiyi31/openapi.yaml");
  }

  @Test
  void theJavadocOfTheModelsShowsTheSpecsDescriptionsRenderedNotAsMarkdown() throws IOException {
    String page;
    try (JarFile jar = new JarFile(staged("huiyi31-generated-client", "javadoc.jar").toFile())) {
      page = new String(jar.getInputStream(jar.getEntry("com/huiyi31/client/model/RegisterAttendeeRequest.html")).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
    }
    String classComment = page.substring(page.indexOf("<div class=\"block\">"), page.indexOf("</section>", page.indexOf("<div class=\"block\">")));

    assertThat(classComment).as("the class comment of RegisterAttendeeRequest, from the spec's Markdown")
        .contains("The body of a Register call.", "<strong>Decision (key casing):</strong>", "<code>BventId</code>", "<p>")
        .doesNotContain("**", "`", "&#x60;", "&amp;#");
    assertThat(page).as("a getter's comment").contains("<strong>Inferred:</strong> <code>minLength</code> 1");
  }

  @Test
  void eachSbomDescribesItsModuleAndItsRuntimeDependencies() throws IOException {
    for (Module module : publishedModules().stream().filter(Module::isJar).toList()) {
      JsonNode sbom = new ObjectMapper().readTree(staged(module.artifactId(), "cyclonedx.json").toFile());
      assertThat(sbom.path("bomFormat").asText()).isEqualTo("CycloneDX");
      assertThat(sbom.path("metadata").path("component").path("name").asText()).isEqualTo(module.artifactId());
    }
    JsonNode client = new ObjectMapper().readTree(staged("huiyi31-client", "cyclonedx.json").toFile());
    List<String> components = new ArrayList<>();
    client.path("components").forEach(component -> components.add(component.path("name").asText()));
    assertThat(components).contains("huiyi31-generated-client", "okhttp-jvm", "jackson-databind", "feign-core")
        .doesNotContain("junit-jupiter-api", "wiremock-standalone", "assertj-core");
  }

  /** A staged file by suffix: ".pom", ".jar", or CLASSIFIER.EXTENSION. */
  private static Path staged(String artifactId, String suffix) {
    if (suffix.startsWith(".")) {
      return file(artifactId, "", suffix.substring(1));
    }
    int dot = suffix.indexOf('.');
    return file(artifactId, suffix.substring(0, dot), suffix.substring(dot + 1));
  }

  private static List<String> entries(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile()); Stream<java.util.jar.JarEntry> stream = file.stream()) {
      return stream.map(java.util.jar.JarEntry::getName).toList();
    }
  }
}
