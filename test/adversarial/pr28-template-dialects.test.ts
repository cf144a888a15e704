/**
 * Session 28 (rt-pr23): a YAML template the base holds is skipped by its content, and what its
 * placeholders cannot explain is still reported (checks/template-residue.ts). That second parse
 * of the masked text took the file's plain options: the YAML dialects its first parse had refused
 * (a CloudFormation marker the base's version lacks, session 27) were read again there, so under
 * `validate.yaml.unknown_tags: error` a marker written into an existing template silenced every
 * tag of that dialect. The masked parse's dialects now need the base's agreement too.
 */
import { describe, expect, it } from "vitest";
import { baseRepos, findingsOf, prWriting, type Found } from "../helpers/pull-request.js";

const baseRepo = baseRepos();
const brief = (fs: Found[]) =>
  fs.map((f) => `${f.level} ${f.rule} ${f.file ?? ""}:${(f as { line?: number }).line ?? ""} ${f.message}`).join("\n");
const tagErrors = (fs: Found[], file: string) => fs.filter((f) => f.level === "error" && f.rule === "parse/unknown-tag" && f.file === file);

/** Every unknown tag an error; `deploy/values.yaml` a Helm-style template (no schema maps it). */
const STRICT_TEMPLATE_BASE: Record<string, string> = {
  ".integrity-guard/config.yml": "version: 1\nvalidate:\n  yaml:\n    unknown_tags: error\n",
  "deploy/values.yaml": "name: {{ .Values.name }}\nreplicas: 2\nregion: eu\n",
};

/** The same, with the base's template already a CloudFormation one. */
const CFN_TEMPLATE_BASE: Record<string, string> = {
  ".integrity-guard/config.yml": "version: 1\nvalidate:\n  yaml:\n    unknown_tags: error\n",
  "deploy/stack.yaml": 'AWSTemplateFormatVersion: "2010-09-09"\nDescription: {{ .Values.name }}\nResources: {}\n',
};

describe("a YAML dialect in an existing template the base does not read so", () => {
  it("a CloudFormation marker written into the template keeps `!Sub` an unknown-tag error", async () => {
    const r = await prWriting(baseRepo(STRICT_TEMPLATE_BASE), {
      "deploy/values.yaml": 'AWSTemplateFormatVersion: "2010-09-09"\nname: {{ .Values.name }}\nreplicas: 2\n\nregion: !Sub eu\n',
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(tagErrors(fs, "deploy/values.yaml").length, brief(fs)).toBe(1);
  });

  it("in parse workers (IG_PARSE_WORKERS) too", async () => {
    const r = await prWriting(
      baseRepo(STRICT_TEMPLATE_BASE),
      { "deploy/values.yaml": 'AWSTemplateFormatVersion: "2010-09-09"\nname: {{ .Values.name }}\nreplicas: 2\n\nregion: !Sub eu\n' },
      { IG_PARSE_WORKERS: "1" },
    );
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(tagErrors(fs, "deploy/values.yaml").length, brief(fs)).toBe(1);
  });

  it("a marker that only the masked text shows (`AWS::{{ x }}::`) does not turn the tag error off", async () => {
    const r = await prWriting(baseRepo(STRICT_TEMPLATE_BASE), {
      "deploy/values.yaml": "name: {{ .Values.name }}\nkind:\n  Type: AWS::{{ .Values.svc }}::Bucket\n\nreplicas: 2\n\nregion: !Ref eu\n",
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(tagErrors(fs, "deploy/values.yaml").length, brief(fs)).toBe(1);
  });
});

describe("templates whose dialect the base reads keep it (guards)", () => {
  it("an existing CloudFormation template's short forms pass under unknown_tags: error", async () => {
    const r = await prWriting(baseRepo(CFN_TEMPLATE_BASE), {
      "deploy/stack.yaml":
        'AWSTemplateFormatVersion: "2010-09-09"\nDescription: {{ .Values.name }}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n\n    Properties:\n      BucketName: !Sub "${AWS::StackName}-b"\n',
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });

  it("a new CloudFormation template passes: no base rule names it yet", async () => {
    const r = await prWriting(baseRepo(STRICT_TEMPLATE_BASE), {
      "deploy/new.yaml":
        'AWSTemplateFormatVersion: "2010-09-09"\nDescription: {{ .Values.name }}\nResources: {}\n\nOutputs:\n  A:\n    Value: !Ref B\n',
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(0);
  });

  it("the template with a tag but no marker is an error as before", async () => {
    const r = await prWriting(baseRepo(STRICT_TEMPLATE_BASE), {
      "deploy/values.yaml": "name: {{ .Values.name }}\nreplicas: 2\n\nregion: !Sub eu\n",
    });
    const fs = findingsOf(r.findingsJson);
    expect(r.code, brief(fs)).toBe(1);
    expect(tagErrors(fs, "deploy/values.yaml").length, brief(fs)).toBe(1);
  });
});
