/**
 * An Elasticsearch Watcher watch kept as a file is read as Elasticsearch reads request bodies
 * (src/core/select/jsonc-by-content.ts): its JsonXContent is a Jackson JsonFactory with
 * ALLOW_COMMENTS, so `//` and block comments pass; trailing commas do not. elastic/examples'
 * Alerting/Sample Watches/ml_examples/chained_watch.json has comments after its metadata values
 * and commented-out filter lines.
 */
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/core/parse/index.js";
import { dialectParseOptions, jsoncDialectByContent } from "../../src/core/select/jsonc-by-content.js";

// Reduced from elastic/examples (Apache-2.0), Alerting/Sample Watches/ml_examples/chained_watch.json.
const WATCH = [
  "{",
  '    "trigger": {',
  '      "schedule": {',
  '        "interval": "1m"',
  "      }",
  "    },",
  '    "metadata": {',
  '      "watch_timespan" : "20m",       //how far back watch looks each invocation',
  '      "job1_name" : "it_ops_kpi"',
  "    },",
  '    "input": { "search": { "request": { "body": { "query": { "bool": { "filter": [',
  '      { "range": { "timestamp": { "gte": "now-{{ctx.metadata.watch_timespan}}" } } }',
  "// example of optional filters",
  '//  { "regexp":{"field_name":{"value":"Out.*"}}},',
  "    ] } } } } } },",
  '    "actions": { "log": { "logging": { "text": "anomalies" } } }',
  "}",
  "",
].join("\n");

function read(file: string, text: string) {
  const dialect = jsoncDialectByContent(file, text);
  return { dialect, doc: dialect ? parseDocument(text, { path: file, ...dialectParseOptions(dialect) }) : undefined };
}

describe("an Elasticsearch Watcher watch", () => {
  it("is known by its trigger's schedule and its actions, and its comments pass", () => {
    const { dialect, doc } = read("Alerting/Sample Watches/ml_examples/chained_watch.json", WATCH);
    expect(dialect?.reader).toMatch(/Elasticsearch/);
    expect(doc?.ok).toBe(true);
    expect(parseDocument(WATCH, { path: "w.json", format: "json" }).ok).toBe(false);
  });

  it("keeps a trailing comma an error (Jackson without ALLOW_TRAILING_COMMA)", () => {
    const { doc } = read("watch.json", WATCH.replace('"job1_name" : "it_ops_kpi"', '"job1_name" : "it_ops_kpi",'));
    expect(doc?.ok).toBe(false);
  });

  it.each([
    ["a trigger without a schedule", WATCH.replace('"schedule"', '"cron"')],
    ["no actions", WATCH.replace('"actions"', '"outputs"')],
    ["a plain state file", '{"status": "ok" // cut\n}\n'],
  ])("%s is not a watch: the strict reading stands", (_name, text) => {
    expect(jsoncDialectByContent("data/state.json", text)).toBeUndefined();
  });

  it("looks for its markers in one pass over pathological text", () => {
    const text = `{${'"trigger": {  '.repeat(20_000)}${'"actions" :'.repeat(20_000)}`;
    const start = performance.now();
    expect(jsoncDialectByContent("x.json", text)).toBeUndefined();
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
