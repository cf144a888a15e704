/**
 * The Serverless Framework reads CloudFormation's short-form tags (`!Ref`, `!Sub`...) in its
 * service file and in every file that file pulls in with `${file(...)}`. The service file may have
 * any name (`serverless deploy --config resolved-serverless.yml`), and an included file (a list of
 * functions, a resources fragment) has neither a fixed name nor `AWSTemplateFormatVersion`: both
 * are recognised by what only Serverless files hold, a `provider:` block naming `aws` or the
 * framework's variables (`${self:...}`, `${opt:...}`, `${sls:...}`, `${file(...)}`). The same tags
 * in a file with none of that stay warnings.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });
const rules = (text: string, file: string) => parse(text, file).findings.map((f) => [f.rule, f.level, f.line]);

// Written after serverless/serverless packages/sf-core/tests/resolvers (MIT).
const SERVICE = [
  "service: resolvers-test",
  "",
  "provider:",
  "  name: aws",
  "  region: eu-west-1",
  "",
  "functions:",
  "  hello:",
  "    handler: handler.hello",
  "    description: !Sub eu-west-1${AWS::Partition}",
  "",
].join("\n");

const INCLUDED = [
  "function1:",
  "  handler: index.handler",
  "  vpc: ${file(slsconf/vpc.yml)}",
  "machineRunner:",
  "  handler: index.handler",
  "  environment:",
  "    MACHINE_ARN: !Ref ${self:stepFunctions.stateMachines.main.name}",
  "",
].join("\n");

describe("Serverless Framework files by content", () => {
  it("a service file under another name: its provider block names aws", () => {
    const doc = parse(SERVICE, "tests/region/resolved-serverless.yml");
    expect(doc.findings).toEqual([]);
    expect(doc.value).toMatchObject({ functions: { hello: { description: { "Fn::Sub": "eu-west-1${AWS::Partition}" } } } });
  });

  it("a provider block with the name quoted, or after other keys, counts too", () => {
    const quoted = SERVICE.replace("  name: aws\n  region: eu-west-1", "  region: eu-west-1\n  name: 'aws'");
    expect(rules(quoted, "stacks/api.yml")).toEqual([]);
    expect(rules(quoted.replace(/\n/g, "\r\n"), "stacks/api.yml")).toEqual([]);
  });

  it.each([["${self:custom.x}"], ["${opt:stage, 'dev'}"], ["${sls:stage}"], ["${file(./vpc.yml)}"]])(
    "a file included with ${file()} that uses %s",
    (variable) => {
      const text = INCLUDED.replace("${file(slsconf/vpc.yml)}", variable).replace(
        "${self:stepFunctions.stateMachines.main.name}",
        "Machine",
      );
      expect(rules(text, "slsconf/functions_common.yml")).toEqual([]);
    },
  );

  it("the same tags without Serverless's keys or variables stay warnings", () => {
    expect(rules("provider:\n  name: gcp\nfn:\n  arn: !Ref Machine\n", "config/fns.yml")).toEqual([["parse/unknown-tag", "warning", 4]]);
    expect(rules("url: ${env:HOST}\narn: !Ref Machine\n", "config/fns.yml")).toEqual([["parse/unknown-tag", "warning", 2]]);
  });
});
