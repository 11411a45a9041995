package com.huiyi31.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Huiyi31Client is the one safe way in. The generated code must offer no second one: no invoker
 * package with its ApiClient (which wires Feign with OkHttp's silent POST retry, Feign's default
 * retryer, no envelope check and no redaction), no {@code ...WithHttpInfo} variants (they return
 * the invoker's ApiResponse), and none of the Feign modules that ApiClient is made of on the
 * client's classpath. Also: both generated packages say what they are (package-info.java from
 * the generator).
 */
class GeneratedApiSurfaceTest {

  /** The folder of the generated sources (client's pom sets it; the reactor builds generated-client first). */
  private static final Path GENERATED_SOURCES = Path.of(System.getProperty("huiyi31.generatedSources",
      "../generated-client/target/generated-sources/openapi/src/main/java"));

  @ParameterizedTest
  @ValueSource(strings = {
      "com.huiyi31.client.invoker.ApiClient", // the package the invoker would be asked into
      "org.openapitools.client.ApiClient",    // the generator's default invoker package
      "com.huiyi31.client.ApiClient",
      "com.huiyi31.client.api.ApiClient",
      "com.huiyi31.client.invoker.ApiResponse",
      "org.openapitools.client.ApiResponse"})
  void noGeneratedInvokerClassIsOnTheClasspath(String name) {
    assertThatThrownBy(() -> Class.forName(name, false, getClass().getClassLoader()))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void noInvokerPackageIsOnTheClasspath() throws IOException {
    for (String folder : List.of("com/huiyi31/client/invoker", "org/openapitools/client")) {
      assertThat(java.util.Collections.list(getClass().getClassLoader().getResources(folder))).as(folder).isEmpty();
    }
  }

  @Test
  void theGeneratedModuleHoldsOnlyTheApiAndModelPackages() throws Exception {
    Set<Class<?>> apis = OperationCoverageTest.generatedApiInterfaces();
    List<String> classes = classFilesBeside(apis.iterator().next());
    List<String> elsewhere = classes.stream()
        .filter(f -> !f.startsWith("com/huiyi31/client/api/") && !f.startsWith("com/huiyi31/client/model/")).toList();

    assertThat(classes).as("classes of huiyi31-generated-client").contains("com/huiyi31/client/api/AttendeeApi.class");
    assertThat(elsewhere).as("classes of huiyi31-generated-client outside its api and model packages").isEmpty();
  }

  @Test
  void theGeneratedApisHaveNoWithHttpInfoVariantsAndExtendNothing() throws Exception {
    Set<Class<?>> apis = OperationCoverageTest.generatedApiInterfaces();

    assertThat(apis).extracting(Class::getSimpleName).contains("AttendeeApi", "AttendeeTypeApi", "TokenApi");
    for (Class<?> api : apis) {
      assertThat(api.getInterfaces()).as(api.getSimpleName() + " extends (ApiClient.Api would be the invoker's)").isEmpty();
      assertThat(Stream.of(api.getMethods()).map(Method::getName))
          .as(api.getSimpleName() + "'s methods").isNotEmpty().noneMatch(name -> name.endsWith("WithHttpInfo"));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"feign.okhttp.OkHttpClient", "feign.jackson.JacksonDecoder", "feign.jackson.JacksonEncoder",
      "feign.slf4j.Slf4jLogger"})
  void theFeignModulesOfTheGeneratedApiClientAreNotOnTheClasspath(String name) {
    assertThatThrownBy(() -> Class.forName(name, false, getClass().getClassLoader()))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theClientsPomDependsOnNoneOfThem() throws IOException {
    // Surefire runs in the module's folder. Comments dropped: they may name what is not used.
    String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8).replaceAll("(?s)<!--.*?-->", "");
    List<String> artifacts = new ArrayList<>();
    Matcher artifact = Pattern.compile("<artifactId>\\s*([^<\\s]+)\\s*</artifactId>").matcher(pom);
    while (artifact.find()) {
      artifacts.add(artifact.group(1));
    }

    assertThat(artifacts).as("client/pom.xml's dependencies").contains("huiyi31-generated-client", "feign-core")
        .doesNotContain("feign-okhttp", "feign-jackson", "feign-slf4j");
  }

  @ParameterizedTest
  @ValueSource(strings = {"api", "model"})
  void eachGeneratedPackageSaysWhatItIs(String pkg) throws IOException {
    Path packageInfo = GENERATED_SOURCES.resolve("com/huiyi31/client/" + pkg + "/package-info.java");

    assertThat(packageInfo).as("written by the generator (generated-client/generator-config.yaml)").exists();
    String text = Files.readString(packageInfo, StandardCharsets.UTF_8);
    assertThat(text).contains("package com.huiyi31.client." + pkg + ";", "Generated by openapi-generator from",
        "openapi.yaml", "do not edit", "com.huiyi31.client.Huiyi31Client");
  }

  /** Every class file of the folder or jar a class was loaded from, as "com/x/Y.class". */
  private static List<String> classFilesBeside(Class<?> type) throws Exception {
    Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(location)) {
      try (Stream<Path> files = Files.walk(location)) {
        return files.filter(f -> f.toString().endsWith(".class"))
            .map(f -> location.relativize(f).toString().replace('\\', '/')).sorted().toList();
      }
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      return jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).sorted().toList();
    }
  }
}
