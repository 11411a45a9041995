package com.huiyi31.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The staged release (target/staging-repo at the root, written by every published module's
 * "stage-release" execution) and the modules that should be in it: those whose pom.xml sets
 * huiyi31.skipPublishing to false.
 */
final class StagedRepository {

  static final Path ROOT = Path.of(System.getProperty("huiyi31.root")).toAbsolutePath().normalize();
  static final Path STAGING = Path.of(System.getProperty("huiyi31.stagingRepo"));
  static final String VERSION = System.getProperty("huiyi31.version");
  static final String GROUP_FOLDER = "com/huiyi31";

  /** A module of the root pom.xml that publishes itself. */
  record Module(String folder, String artifactId, String packaging, String moduleName) {
    boolean isJar() {
      return packaging.equals("jar");
    }
  }

  private StagedRepository() {}

  /** The published modules, from the root pom.xml's modules and each module's own pom.xml. */
  static List<Module> publishedModules() {
    List<Module> modules = new ArrayList<>();
    for (Element module : children(child(read(ROOT.resolve("pom.xml")), "modules"), "module")) {
      Element pom = read(ROOT.resolve(module.getTextContent().strip()).resolve("pom.xml"));
      Element properties = child(pom, "properties");
      if ("false".equals(text(properties, "huiyi31.skipPublishing"))) {
        String packaging = text(pom, "packaging");
        modules.add(new Module(module.getTextContent().strip(), text(pom, "artifactId"),
            packaging == null ? "jar" : packaging, text(properties, "huiyi31.moduleName")));
      }
    }
    return modules;
  }

  /** The artifactIds that have a folder under com/huiyi31 in the staged repository. */
  static List<String> stagedArtifactIds() {
    Path group = STAGING.resolve(GROUP_FOLDER);
    if (!Files.isDirectory(group)) {
      throw new AssertionError("No staged release in " + STAGING + ": the published modules deploy into it during"
          + " verify, online (Maven does not deploy with -o); build them in the same run as consumer-test.");
    }
    try (Stream<Path> folders = Files.list(group)) {
      return folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()).sorted().toList();
    }  catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The staged file of an artifact: ARTIFACT-VERSION[-CLASSIFIER].EXTENSION, where a snapshot's
   * VERSION is the one its maven-metadata.xml names for that classifier and extension (the latest
   * deployed).
   */
  static Path file(String artifactId, String classifier, String extension) {
    Path folder = STAGING.resolve(GROUP_FOLDER).resolve(artifactId).resolve(VERSION);
    String version = VERSION;
    if (VERSION.endsWith("-SNAPSHOT")) {
      Path metadata = folder.resolve("maven-metadata.xml");
      if (!Files.exists(metadata)) {
        throw new AssertionError(artifactId + " is not staged: no " + metadata);
      }
      Map<String, String> versions = new HashMap<>();
      for (Element snapshot : children(child(child(read(metadata), "versioning"), "snapshotVersions"), "snapshotVersion")) {
        String key = (text(snapshot, "classifier") == null ? "" : text(snapshot, "classifier")) + "." + text(snapshot, "extension");
        versions.put(key, text(snapshot, "value"));
      }
      version = versions.getOrDefault(classifier + "." + extension, VERSION);
    }
    return folder.resolve(artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension);
  }

  static Element read(Path xml) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      Document document = factory.newDocumentBuilder().parse(xml.toFile());
      return document.getDocumentElement();
    } catch (Exception e) {
      throw new AssertionError("Cannot read " + xml + ": " + e, e);
    }
  }

  /** The direct child element of that name, or null. */
  static Element child(Element parent, String name) {
    if (parent == null) {
      return null;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    if (parent != null) {
      for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
        if (node instanceof Element element && element.getTagName().equals(name)) {
          found.add(element);
        }
      }
    }
    return found;
  }

  /** The stripped text of the direct child element of that name, or null. */
  static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? null : child.getTextContent().strip();
  }
}
