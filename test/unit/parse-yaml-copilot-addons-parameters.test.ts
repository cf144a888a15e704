/**
 * AWS Copilot's addons.parameters.yml (addons.parameters.yaml): the values it passes to an addons
 * stack's Parameters, written with CloudFormation's intrinsic functions (`!Ref`, `!GetAtt`,
 * `!Join`; Copilot's docs, developing/addons/environment). Copilot finds the file by that name
 * (internal/pkg/addon/addons.go, parameterFileNames) and hands the values to CloudFormation, so
 * the file is of the CloudFormation dialect by its name: no tag in it has `AWS::` beside it.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/with-yaml.js";
import { detectDialects } from "../../src/core/parse/yaml-dialects.js";

const PARAMETERS = [
  "Parameters:",
  "  VPCID: !Ref VPC",
  "  PrivateSubnets: !Join [ ',', [ !Ref PrivateSubnet1, !Ref PrivateSubnet2 ] ]",
  "  ServiceSecurityGroupId: !GetAtt EnvironmentSecurityGroup.GroupId",
  "",
].join("\n");

const parse = (text: string, file: string) => parseDocument(Buffer.from(text), { path: file, format: "yaml" });

describe("Copilot addons.parameters.yml is CloudFormation by its name", () => {
  it.each(["copilot/api/addons/addons.parameters.yml", "copilot/environments/addons/addons.parameters.yaml"])(
    "%s: the intrinsic functions are read as CloudFormation reads them, no warning",
    (file) => {
      expect(detectDialects(file, PARAMETERS).map((d) => d.id)).toContain("cloudformation");
      const doc = parse(PARAMETERS, file);
      expect(doc.findings).toEqual([]);
      expect(doc.value).toEqual({
        Parameters: {
          VPCID: { Ref: "VPC" },
          PrivateSubnets: { "Fn::Join": [",", [{ Ref: "PrivateSubnet1" }, { Ref: "PrivateSubnet2" }]] },
          ServiceSecurityGroupId: { "Fn::GetAtt": ["EnvironmentSecurityGroup", "GroupId"] },
        },
      });
    },
  );

  it("a misspelt tag there is a warning with a did-you-mean; the same text under another name still warns", () => {
    const typo = parse(PARAMETERS.replace("!Ref VPC", "!Reff VPC"), "copilot/api/addons/addons.parameters.yml");
    expect(typo.findings).toEqual([expect.objectContaining({ rule: "parse/unknown-tag", level: "warning", line: 2, expected: "!Ref" })]);
    const other = parse(PARAMETERS, "copilot/api/addons/parameters.yml");
    expect(other.findings.map((f) => f.rule)).toContain("parse/unknown-tag");
  });
});
