import { describe, expect, it } from "vitest";
import { holdsSecret, looksLikeCredential, shownValue } from "../../src/core/conflicts/credentials.js";
import { explainPointer } from "../../src/core/conflicts/explain.js";
import { alternativeNamed, alternativeOf, assignLayers, detectLayered, kindOf, type LayerRules } from "../../src/core/conflicts/layers.js";
import { secretTest, type ConfigFile } from "../../src/core/conflicts/index.js";

const f = (path: string, value: unknown): ConfigFile => ({ path, value });

const NODE_LAYERS = ["config/default.*", ["config/production.*", "config/staging.*"], "config/local.*"];

function run(files: ConfigFile[], extra: Partial<LayerRules> = {}) {
  const r = detectLayered(files, { layers: NODE_LAYERS, ...extra });
  return r.findings.map((x) => `${x.rule} ${x.file} ${x.pointer ?? ""}`.trim());
}

describe("assignLayers", () => {
  it("places each file in the first layer whose glob matches, ordered by layer then path; the rest apart", () => {
    const files = ["config/local.yaml", "config/staging.yaml", "config/default.yaml", "config/production.json", "config/other.yaml"].map(
      (p) => f(p, {}),
    );
    const { placed, unlayered } = assignLayers(files, NODE_LAYERS);
    expect(placed.map((p) => `${p.layer} ${p.file.path} ${p.alt}`)).toEqual([
      "0 config/default.yaml config/default",
      "1 config/production.json config/production",
      "1 config/staging.yaml config/staging",
      "2 config/local.yaml config/local",
    ]);
    expect(unlayered.map((u) => u.path)).toEqual(["config/other.yaml"]);
  });

  it.each([
    ["config/production.yaml", "config/production"],
    ["values-prod.yaml", "values-prod"],
    ["dir.d/.env", "dir.d/.env"],
    ["noext", "noext"],
  ])("alternativeOf(%s) = %s", (path, alt) => {
    expect(alternativeOf(path)).toBe(alt);
  });
});

describe("alternativeNamed", () => {
  it.each([
    ["config/production", "production", true],
    ["chart/values-prod", "prod", true],
    ["src/main/resources/application_prod", "prod", true],
    ["docker-compose.prod", "prod", true],
    ["config/preproduction", "production", false],
    ["config/production", "prod", false],
  ])("alternativeNamed(%s, %s) = %s", (alt, name, expected) => {
    expect(alternativeNamed(alt, name)).toBe(expected);
  });
});

describe("kindOf", () => {
  it.each([
    [8080, "number"],
    ["8080", "string"],
    [true, "boolean"],
    [[1], "list"],
    [{ a: 1 }, "map"],
    [null, undefined],
  ])("kindOf(%j) = %s", (v, kind) => {
    expect(kindOf(v)).toBe(kind);
  });
});

describe("detectLayered", () => {
  const base = { server: { port: 8080, host: "0.0.0.0" }, database: { host: "localhost", password: "dev" }, features: ["a"] };

  it.each<[string, ConfigFile[], string[]]>([
    [
      "intended overrides across layers: nothing",
      [
        f("config/default.yaml", base),
        f("config/production.yaml", { server: { port: 443 }, database: { host: "db.prod", password: "prod-secret" }, features: ["b"] }),
        f("config/local.yaml", { database: { host: "127.0.0.1" } }),
      ],
      [],
    ],
    [
      "a string over a number is a type change",
      [f("config/default.yaml", base), f("config/production.yaml", { server: { port: "443" } })],
      ["config/type-change config/production.yaml /server/port"],
    ],
    [
      "a map over a list is a type change (and not walked into)",
      [f("config/default.yaml", base), f("config/production.yaml", { features: { x: 1 } })],
      ["config/type-change config/production.yaml /features"],
    ],
    [
      "null on either side is no type (unset / placeholder)",
      [f("config/default.yaml", { a: null, b: 1 }), f("config/production.yaml", { a: "set", b: null })],
      [],
    ],
    [
      "a key no lower layer defines is unknown (reported once, at its top)",
      [f("config/default.yaml", base), f("config/production.yaml", { databse: { host: "x", port: 1 } })],
      ["config/unknown-key config/production.yaml /databse"],
    ],
    [
      "keys under a map that is empty in the lower layer may be added",
      [f("config/default.yaml", { annotations: {} }), f("config/production.yaml", { annotations: { team: "a" } })],
      [],
    ],
    [
      "an override equal to the layer below is shadowed",
      [f("config/default.yaml", base), f("config/local.yaml", { server: { host: "0.0.0.0" } })],
      ["config/shadowed config/local.yaml /server/host"],
    ],
    [
      "two formats of one alternative that disagree conflict",
      [
        f("config/default.yaml", base),
        f("config/production.yaml", { server: { port: 443 } }),
        f("config/production.json", { server: { port: 444 } }),
      ],
      ["config/conflict config/production.yaml /server/port"],
    ],
    [
      "alternatives of one layer are never compared with each other",
      [
        f("config/default.yaml", base),
        f("config/production.yaml", { server: { port: 443 } }),
        f("config/staging.yaml", { server: { port: 8443 } }),
      ],
      [],
    ],
    [
      "a lower value falls through an alternative that does not set the key: not shadowed",
      [
        f("config/default.yaml", base),
        f("config/production.yaml", { server: { port: 443 } }),
        f("config/staging.yaml", {}),
        f("config/local.yaml", { server: { port: 443 } }),
      ],
      [],
    ],
    [
      "a file in no layer is reported and left out",
      [f("config/default.yaml", base), f("config/other.yaml", { server: { port: "x" } })],
      ["config/unlayered config/other.yaml"],
    ],
    ["a top level that is not a map", [f("config/default.yaml", [1, 2])], ["config/not-a-map config/default.yaml"]],
    ["no lower file at all: nothing to compare with, no unknown keys", [f("config/local.yaml", { a: 1 })], []],
    [
      "a null placeholder below lets an overlay fill in a map",
      [f("config/default.yaml", { annotations: null }), f("config/production.yaml", { annotations: { team: "a" } })],
      [],
    ],
  ])("%s", (_name, files, expected) => {
    expect(run(files).sort()).toEqual([...expected].sort());
  });

  it("hostile input: a __proto__ key is an ordinary key, hostile nesting is skipped, not a crash", () => {
    const proto = JSON.parse('{"__proto__": {"polluted": 1}}') as Record<string, unknown>;
    const overlay = JSON.parse('{"__proto__": {"polluted": "1"}}') as Record<string, unknown>;
    expect(run([f("config/default.yaml", proto), f("config/production.yaml", overlay)])).toEqual([
      "config/type-change config/production.yaml /__proto__/polluted",
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(run([f("config/default.yaml", { a: 1 }), f("config/production.yaml", deep)])).toEqual(["config/skipped config/production.yaml"]);
  });

  it("Helm values: an empty map over a list (or an empty list over a map) empties it; other kinds, other layouts still change type", () => {
    // rook/rook's values-external.yaml: `cephBlockPools: {}` over the pools listed in values.yaml.
    const helm = ["chart/values.yaml", ["chart/values-*.yaml"]];
    const lower = { pools: [{ name: "a" }], labels: { app: "x" }, port: 80, nested: { list: [1] } };
    const overlay = { pools: {}, labels: [], port: {}, nested: { list: {} } };
    const helmRun = (files: ConfigFile[], layers: (string | string[])[]) =>
      detectLayered(files, { layers })
        .findings.map((x) => `${x.rule} ${x.file} ${x.pointer ?? ""}`.trim())
        .sort();
    expect(helmRun([f("chart/values.yaml", lower), f("chart/values-external.yaml", overlay)], helm)).toEqual([
      "config/type-change chart/values-external.yaml /port",
    ]);
    // Three layers (walked against several lower files at once): the same reading.
    const three = ["chart/values.yaml", ["chart/values-a.yaml", "chart/values-b.yaml"], "chart/values-z.yaml"];
    const files3 = [
      f("chart/values.yaml", lower),
      f("chart/values-a.yaml", { pools: [{ name: "b" }] }),
      f("chart/values-b.yaml", { port: 81 }),
    ];
    expect(helmRun([...files3, f("chart/values-z.yaml", overlay)], three)).toEqual(["config/type-change chart/values-z.yaml /port"]);
    // Not empty: still a type change.
    expect(helmRun([f("chart/values.yaml", lower), f("chart/values-external.yaml", { pools: { a: 1 } })], helm)).toEqual([
      "config/type-change chart/values-external.yaml /pools",
    ]);
    // Not Helm values files of one folder (node-config; another chart's folder): still a type change.
    expect(run([f("config/default.yaml", lower), f("config/production.yaml", { pools: {} })])).toEqual([
      "config/type-change config/production.yaml /pools",
    ]);
    expect(
      helmRun([f("chart/values.yaml", lower), f("other/values-external.yaml", { pools: {} })], ["chart/values.yaml", "other/*.yaml"]),
    ).toEqual(["config/type-change other/values-external.yaml /pools"]);
  });

  it("Compose: a field's other spelling (environment as a map over a KEY=VALUE list, build as a map over a path) is no type change; other kinds and other layouts still are", () => {
    // api-platform/demo: compose.prod.yaml gives `environment: {POSTGRES_PASSWORD: ...}` over
    // compose.yaml's `- POSTGRES_DB=...` list; compose-go's mergeToSequence merges both as a list.
    const compose = ["compose.yaml", ["compose.prod.yaml"], "compose.override.yaml"];
    const lower = {
      services: {
        db: { environment: ["POSTGRES_DB=app"], build: "./db", command: "run", depends_on: ["cache"], ports: ["80:80"], image: "x" },
      },
    };
    const overlay = {
      services: {
        db: {
          environment: { POSTGRES_PASSWORD: "p" },
          build: { context: "./db", target: "prod" },
          command: ["run", "-v"],
          depends_on: { cache: { condition: "service_started" } },
        },
      },
    };
    const composeRun = (files: ConfigFile[], layers: (string | string[])[]) =>
      detectLayered(files, { layers })
        .findings.filter((x) => x.rule === "config/type-change")
        .map((x) => `${x.rule} ${x.file} ${x.pointer ?? ""}`.trim())
        .sort();
    expect(composeRun([f("compose.yaml", lower), f("compose.prod.yaml", overlay)], compose)).toEqual([]);
    // Three layers (walked against several lower files at once): the same reading.
    const three = [
      f("compose.yaml", lower),
      f("compose.prod.yaml", { services: { db: { image: "y" } } }),
      f("compose.override.yaml", overlay),
    ];
    expect(composeRun(three, compose)).toEqual([]);
    // A kind no spelling of the field has, or a field with one spelling: still a type change.
    const wrong = { services: { db: { environment: "POSTGRES_DB=app", ports: { http: 80 }, image: ["x"], command: { a: 1 } } } };
    expect(composeRun([f("compose.yaml", lower), f("compose.prod.yaml", wrong)], compose)).toEqual([
      "config/type-change compose.prod.yaml /services/db/command",
      "config/type-change compose.prod.yaml /services/db/environment",
      "config/type-change compose.prod.yaml /services/db/image",
      "config/type-change compose.prod.yaml /services/db/ports",
    ]);
    // Not Compose files (node-config layers): the same shapes still change type.
    expect(
      run([f("config/default.yaml", lower), f("config/production.yaml", overlay)])
        .filter((x) => x.startsWith("config/type-change"))
        .sort(),
    ).toEqual([
      "config/type-change config/production.yaml /services/db/build",
      "config/type-change config/production.yaml /services/db/command",
      "config/type-change config/production.yaml /services/db/depends_on",
      "config/type-change config/production.yaml /services/db/environment",
    ]);
  });

  it("reports the same whether an overlay lists its keys in the order of the layer below or not", () => {
    const lower = { a: 1, b: "x", c: { d: true, e: [1] }, f: null, g: 2 };
    const inOrder = { a: "1", b: "x", c: { d: true, e: [1], typo: 1 }, f: 3, g: 2, h: 0 };
    const shuffled = { h: 0, g: 2, f: 3, c: { typo: 1, e: [1], d: true }, b: "x", a: "1" };
    const expected = [
      "config/shadowed config/production.yaml /b",
      "config/shadowed config/production.yaml /c/d",
      "config/shadowed config/production.yaml /c/e",
      "config/shadowed config/production.yaml /g",
      "config/type-change config/production.yaml /a",
      "config/unknown-key config/production.yaml /c/typo",
      "config/unknown-key config/production.yaml /h",
    ];
    for (const overlay of [inOrder, shuffled]) {
      expect(run([f("config/default.yaml", lower), f("config/production.yaml", overlay)]).sort()).toEqual(expected);
    }
  });

  it("config.extensible lets overlays add keys below a pointer", () => {
    const files = [f("config/default.yaml", { features: { a: true } }), f("config/production.yaml", { features: { b: true } })];
    expect(run(files)).toEqual(["config/unknown-key config/production.yaml /features/b"]);
    expect(run(files, { extensible: ["/features"] })).toEqual([]);
  });

  it("suggests the nearest lower-layer key for a typo", () => {
    const r = detectLayered([f("config/default.yaml", base), f("config/production.yaml", { databse: { host: "x" } })], {
      layers: NODE_LAYERS,
    });
    expect(r.findings[0]!.message).toContain("did you mean database?");
    expect(r.findings[0]!.fix).toContain("rename it to database");
  });

  it("words a typo once per lower map, yet right at each path when a map sits at two (a YAML alias)", () => {
    const shared = { host: "a", port: 1 };
    const overlay = (i: number) => ({ primary: { hots: `p${i}` }, replica: { hots: `r${i}` } });
    const r = detectLayered(
      [
        f("config/default.yaml", { primary: shared, replica: shared }),
        f("config/production.yaml", overlay(1)),
        f("config/staging.yaml", overlay(2)),
      ],
      { layers: NODE_LAYERS },
    );
    expect(r.findings.map((x) => `${x.file} ${x.pointer} ${x.related?.[0]?.message}`)).toEqual([
      "config/production.yaml /primary/hots primary.host is defined here",
      "config/production.yaml /replica/hots replica.host is defined here",
      "config/staging.yaml /primary/hots primary.host is defined here",
      "config/staging.yaml /replica/hots replica.host is defined here",
    ]);
    expect(r.findings[1]!.message).toBe(
      "replica.hots is set in config/production.yaml (layer 2: config/production.* | config/staging.*) but no lower layer defines it: it overrides nothing, and a misspelt key is silently ignored; did you mean replica.host?",
    );
    expect(r.findings[3]!.fix).toBe("rename it to replica.host, or list /replica in config.extensible if overlays may add keys there");
  });

  it("never shows a secret value in a type change or a shadowed notice", () => {
    const r = detectLayered(
      [
        f("config/default.yaml", { db: { password: 1234567, url: "postgres://app:s3cr3t-pw@db/app" } }),
        f("config/production.yaml", { db: { password: "1234567", url: "postgres://app:s3cr3t-pw@db/app" } }),
      ],
      { layers: NODE_LAYERS },
    );
    expect(r.findings.map((x) => x.rule).sort()).toEqual(["config/shadowed", "config/type-change"]);
    const text = JSON.stringify(r.findings);
    expect(text).not.toContain("1234567");
    expect(text).not.toContain("s3cr3t");
  });

  it("owned keys are config/single-source, not overlay findings; differ silences shadowed", () => {
    const files = [f("config/default.yaml", { db: { host: "a" }, env: "x" }), f("config/local.yaml", { db: { host: "b" }, env: "x" })];
    expect(run(files, { owners: { "/db": "config/default.yaml" }, differ: ["/env"] })).toEqual([
      "config/single-source config/local.yaml /db",
    ]);
  });
});

describe("credentials", () => {
  it.each([
    ["AKIAIOSFODNN7EXAMPLE", true],
    ["ghp_abcdefghijklmnopqrstuvwxyz0123456789", true],
    ["postgres://app:hunter2@db.internal:5432/app", true],
    ["-----BEGIN OPENSSH PRIVATE KEY-----\nabc", true],
    ["q8Xz2LmN4vR7tY1wK9pB3sD6fG0hJ5cA", true],
    ["postgres://db.internal:5432/app", false],
    ["https://example.com/a/b?c=d", false],
    ["123e4567-e89b-12d3-a456-426614174000", false],
    ["production", false],
    ["/var/lib/app/data/production/cache/files", false],
  ])("looksLikeCredential(%j) = %s", (s, expected) => {
    expect(looksLikeCredential(s)).toBe(expected);
  });

  it.each<[unknown, boolean, string]>([
    ["plain", false, '"plain"'],
    ["plain", true, "*** (5 chars, #"],
    ["AKIAIOSFODNN7EXAMPLE", false, "*** (20 chars, #"],
    [["a", { token: "t" }], false, "*** (19 chars, #"],
    [{ password: "p", host: "h" }, false, "a map (2 keys)"],
  ])("shownValue(%j, keySecret=%s) = %s", (v, keySecret, expected) => {
    const shown = shownValue(v, keySecret, secretTest());
    if (expected.startsWith("***")) expect(shown).toMatch(new RegExp(`^${expected.replace(/[*()]/g, "\\$&")}[0-9a-f]{6}\\)$`));
    else expect(shown).toBe(expected);
  });

  it("holdsSecret sees secret keys and credential values inside maps and lists", () => {
    const isSecret = secretTest();
    expect(holdsSecret({ db: { password: "x" } }, isSecret)).toBe(true);
    expect(holdsSecret(["a", "AKIAIOSFODNN7EXAMPLE"], isSecret)).toBe(true);
    expect(holdsSecret({ db: { host: "h" } }, isSecret)).toBe(false);
  });
});

describe("explainPointer", () => {
  const files = [
    f("config/default.yaml", { db: { host: "localhost", password: "dev-pw" } }),
    f("config/production.yaml", { db: { host: "db.prod", password: "prod-pw" } }),
    f("config/staging.yaml", {}),
    f("config/local.yaml", {}),
  ];

  it("lists each layer's value, masks secrets, and names the winner (with fall-through through alternatives)", () => {
    const e = explainPointer(files, "/db/password", { layers: NODE_LAYERS, isSecret: secretTest() });
    const tag = (v: string) => v.replace(/^\*\*\* \((\d+) chars, #[0-9a-f]{6}\)$/, "*** ($1 chars)");
    expect(e.entries.map((x) => `${x.layer} ${x.file} ${x.defined ? tag(x.value!) : "-"}${x.wins ? " wins" : ""}`)).toEqual([
      "1 config/default.yaml *** (6 chars)",
      "2 config/production.yaml *** (7 chars) wins",
      "2 config/staging.yaml -",
      "3 config/local.yaml -",
    ]);
    expect(e.note).toContain("a lower layer's value is used");
    expect(JSON.stringify(e)).not.toContain("pw");
  });

  it("in precedence mode the owner wins, else the last file that sets the key", () => {
    const plain = [f("a.yaml", { x: 1 }), f("b.yaml", { x: 2 })];
    expect(explainPointer(plain, "/x", { isSecret: secretTest() }).entries.find((x) => x.wins)?.file).toBe("b.yaml");
    expect(explainPointer(plain, "/x", { isSecret: secretTest(), owners: { "/x": "a.yaml" } }).entries.find((x) => x.wins)?.file).toBe(
      "a.yaml",
    );
  });
});
