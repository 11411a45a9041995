#!/usr/bin/env node
// Runs the pinned Redocly CLI (package.json) for the Maven build, quietly: one line when all is
// well, Redocly's whole report when not. Redocly prints banners (a Node.js deprecation notice,
// a "now renders with Redoc 3" notice) on every run; a green build should not.
//
//   node run.mjs lint <spec>            lint the spec with redocly.yaml: fails on any error or
//                                       warning, and unless fixtures/violations.yaml trips every
//                                       rule in EXPECTED_IN_FIXTURE
//   node run.mjs docs <spec> <out.html> render the spec to one self-contained HTML page
//
// Needs `npm ci` in this folder first (the Maven build runs it). Works offline: telemetry and
// update checks are switched off.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
const CONFIG = join(HERE, 'redocly.yaml');
const FIXTURE = join(HERE, 'fixtures', 'violations.yaml');
const REPO = resolve(HERE, '..', '..');
const shown = (file) => relative(REPO, file);

// Every rule that must report something in fixtures/violations.yaml: the project's own rules
// and the built-in ones the contract relies on most.
const EXPECTED_IN_FIXTURE = [
  'huiyi31/operation-examples',
  'huiyi31/schema-descriptions',
  'huiyi31/servers',
  'operation-operationId',
  'operation-operationId-unique',
  'operation-summary',
  'operation-description',
  'no-unused-components',
  'no-invalid-media-type-examples',
  'no-invalid-schema-examples',
];

function fail(message) {
  console.error(message);
  process.exit(1);
}

function redocly(args) {
  if (!existsSync(CLI)) {
    fail(`Redocly CLI is not installed in ${HERE}: run \`npm ci\` there (the Maven build does).`);
  }
  // Node 18 (Debian's nodejs package) has no global `crypto`, which build-docs needs.
  const nodeFlags = Number(process.versions.node.split('.')[0]) < 19 ? ['--experimental-global-webcrypto'] : [];
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
  delete env.FORCE_COLOR;
  const run = spawnSync(process.execPath, [...nodeFlags, CLI, ...args], {
    cwd: HERE, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) fail(`Could not run Redocly CLI: ${run.error.message}`);
  return run;
}

function redoclyVersion() {
  return JSON.parse(readFileSync(join(HERE, 'node_modules', '@redocly', 'cli', 'package.json'), 'utf8')).version;
}

// What Redocly printed, less its banners and its advice to silence problems with an ignore file.
function printed(run) {
  return [run.stdout, run.stderr].filter(Boolean).join('\n')
    .split('\n')
    .filter((line) => !/^\s*[╔║╚]/.test(line) && !line.includes('generate-ignore-file'))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// `lint --format=json` with several files prints one pretty-printed JSON object per file.
function jsonReports(stdout) {
  return stdout.trim().split(/(?<=\})\s*(?=\{\s*"totals")/).map((part) => JSON.parse(part));
}

function lint(spec) {
  const run = redocly(['lint', '--config', CONFIG, '--lint-config', 'error', '--format', 'json',
    '--max-problems', '1000', spec, FIXTURE]);
  let reports;
  try {
    reports = jsonReports(run.stdout);
  } catch {
    fail(`Redocly CLI did not lint (exit code ${run.status}):\n${printed(run)}`);
  }
  const problemsIn = (file) => reports
    .flatMap((report) => report.problems)
    .filter((p) => p.location.some((l) => resolve(HERE, l.source.ref) === file));

  const specProblems = problemsIn(spec);
  // A .redocly.lint-ignore.yaml would hide problems instead of fixing them: count those too.
  const ignored = reports.reduce((sum, report) => sum + report.totals.ignored, 0);
  if (specProblems.length > 0 || ignored > 0 || reports.length !== 2) {
    // Show the problems the way people read them: with the lines of the spec around each one.
    const readable = redocly(['lint', '--config', CONFIG, '--lint-config', 'error', '--format', 'codeframe', spec]);
    fail(`OpenAPI lint failed: ${specProblems.length} problem(s) and ${ignored} ignored in ${shown(spec)}. Fix the `
      + `spec (every rule, and why any is off, is in openapi/lint/redocly.yaml).\n\n${printed(readable)}`);
  }

  const tripped = new Set(problemsIn(FIXTURE).map((p) => p.ruleId));
  const silent = EXPECTED_IN_FIXTURE.filter((rule) => !tripped.has(rule));
  if (silent.length > 0) {
    fail(`OpenAPI lint is not checking what it claims: ${silent.join(', ')} reported nothing in `
      + `${shown(FIXTURE)}, which breaks each of them on purpose. Check redocly.yaml `
      + 'and huiyi31-rules.js.');
  }

  console.log(`OpenAPI lint (Redocly CLI ${redoclyVersion()}, recommended-strict + huiyi31 rules): `
    + `${shown(spec)} has 0 errors and 0 warnings; `
    + `the rules still catch all ${EXPECTED_IN_FIXTURE.length} violations of the fixture.`);
}

function docs(spec, out) {
  const run = redocly(['build-docs', '--config', CONFIG, '--lint-config', 'error', '--inlineBundle',
    '--output', out, spec]);
  if (run.status !== 0 || !existsSync(out)) {
    fail(`Redocly CLI could not render the API docs (exit code ${run.status}):\n${printed(run)}`);
  }
  // Self-contained: no script may come from the network when the page is opened.
  const html = readFileSync(out, 'utf8');
  const external = html.match(/<script[^>]*\ssrc\s*=\s*["']?(https?:)?\/\/[^"'\s>]+/gi);
  if (external) {
    fail(`${shown(out)} loads scripts from the network (${external.join(', ')}): it must be self-contained.`);
  }
  const size = (statSync(out).size / 1024 / 1024).toFixed(1);
  console.log(`API docs (Redocly CLI ${redoclyVersion()}): ${shown(out)} (${size} MB, self-contained)`);
}

const [command, ...args] = process.argv.slice(2);
if (command === 'lint' && args.length === 1) {
  lint(resolve(args[0]));
} else if (command === 'docs' && args.length === 2) {
  docs(resolve(args[0]), resolve(args[1]));
} else {
  fail('usage: node run.mjs lint <spec> | node run.mjs docs <spec> <out.html>');
}
