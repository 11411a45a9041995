/**
 * Build-time extension of openapi-generator used by generated-client: {@link
 * com.huiyi31.build.codegen.Huiyi31JavaCodegen}. Not published, never on a user's class path.
 */
package com.huiyi31.build.codegen;
