package com.huiyi31.build.codegen;

import com.google.common.collect.ImmutableMap;
import com.samskivert.mustache.Mustache;
import org.openapitools.codegen.languages.JavaClientCodegen;

/**
 * openapi-generator's Java client generator ({@code java}), plus two template lambdas that turn
 * the spec's Markdown descriptions into Javadoc: {@code {{#lambda.javadoc}}} for a type's comment
 * (lines continued with " * ") and {@code {{#lambda.javadocMember}}} for a member's ("   * ").
 *
 * <p>Why: the spec's descriptions are Markdown (bold "Decision" and "Inferred" notes, code
 * spans, lists, paragraphs), as OpenAPI defines them. The stock templates print them escaped
 * and on one line, so the Javadoc of the models showed {@code **Decision**} and backquotes, with
 * every paragraph run together. No generator option or stock lambda renders Markdown; the
 * generator's own Markdown converter (used for its HTML documentation) does, and this class
 * makes it available to the templates.
 */
public class Huiyi31JavaCodegen extends JavaClientCodegen {

  @Override
  protected ImmutableMap.Builder<String, Mustache.Lambda> addMustacheLambdas() {
    return super.addMustacheLambdas()
        .put("javadoc", new MarkdownJavadoc(" * "))
        .put("javadocMember", new MarkdownJavadoc("   * "));
  }
}
