/**
 * Checks a request against GitHub's published REST description (@octokit/openapi,
 * api.github.com): the method and path must name an operation, the path and query parameters
 * must match their schemas (no unknown query parameters), and the JSON body must match the
 * operation's request body schema. The GitHub API stand-in (test/helpers/github-api.ts) runs
 * every request through it, so a request GitHub would reject fails the test.
 *
 * $refs are resolved by Ajv against the spec's `components` (added once under SPEC_ID), which
 * also copes with the recursive schemas a naive deep dereference would loop on.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";
import type formatsPlugin from "ajv-formats";

const require = createRequire(import.meta.url);
// CommonJS whose default export TypeScript's NodeNext view cannot call: taken through require.
const addFormats = require("ajv-formats") as typeof formatsPlugin.default;

const SPEC_ID = "https://openapi.github.test/api.github.com.json";

interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: object;
  $ref?: string;
}

interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
}

interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components: { parameters: Record<string, Parameter> } & Record<string, unknown>;
}

interface Route {
  template: string;
  regex: RegExp;
  names: string[];
  methods: Record<string, Operation>;
}

interface Compiled {
  operationId: string;
  path: Map<string, ValidateFunction>;
  query: Map<string, { required: boolean; validate: ValidateFunction }>;
  body?: { required: boolean; validate: ValidateFunction };
}

export interface SpecCheck {
  /** The operation (e.g. checks/create), when the method and path name one. */
  operationId?: string;
  /** The path template, e.g. /repos/{owner}/{repo}/check-runs. */
  template?: string;
  /** Why GitHub would refuse the request; empty when it is valid. */
  problems: string[];
}

let loaded: { routes: Route[]; ajv: Ajv; compiled: Map<Operation, Compiled> } | undefined;

function load() {
  if (loaded) return loaded;
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const spec = JSON.parse(fs.readFileSync(file, "utf8")) as Spec;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema({ $id: SPEC_ID, components: openapiToJsonSchema(spec.components) });
  const routes = Object.entries(spec.paths).map(([template, methods]) => {
    const names: string[] = [];
    const source = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
      names.push(name);
      return "([^/]+)";
    });
    return { template, regex: new RegExp(`^${source}$`), names, methods };
  });
  // A literal segment beats a parameter (/repos/{o}/{r}/issues/comments before .../issues/{n}).
  routes.sort((a, b) => a.names.length - b.names.length);
  loaded = { routes, ajv, compiled: new Map() };
  return loaded;
}

/**
 * OpenAPI 3.0's `nullable: true` beside `type` is understood by Ajv; beside no `type` (an
 * allOf/anyOf or a $ref) Ajv refuses it, so it becomes "that, or null".
 */
function openapiToJsonSchema<T>(schema: T): T {
  if (Array.isArray(schema)) return schema.map(openapiToJsonSchema) as T;
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) out[k] = openapiToJsonSchema(v);
  if (out.nullable === true && out.type === undefined) {
    delete out.nullable;
    return { anyOf: [out, { type: "null" }] } as T;
  }
  return out as T;
}

/** Point the operation's local refs at the spec added to Ajv. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema))
    out[k] = k === "$ref" && typeof v === "string" && v.startsWith("#") ? SPEC_ID + v : rebase(v);
  return openapiToJsonSchema(out);
}

function compile(op: Operation): Compiled {
  const l = load();
  const cached = l.compiled.get(op);
  if (cached) return cached;
  const spec = (l.ajv.getSchema(SPEC_ID)?.schema ?? {}) as { components: Spec["components"] };
  const c: Compiled = { operationId: op.operationId, path: new Map(), query: new Map() };
  for (const raw of op.parameters ?? []) {
    const p = raw.$ref ? spec.components.parameters[raw.$ref.split("/").pop()!]! : raw;
    const schema = rebase(p.schema ?? {}) as object;
    if (p.in === "path") c.path.set(p.name, l.ajv.compile(schema));
    if (p.in === "query") c.query.set(p.name, { required: p.required === true, validate: l.ajv.compile(schema) });
  }
  const body = op.requestBody?.content?.["application/json"]?.schema;
  if (body) c.body = { required: op.requestBody?.required === true, validate: l.ajv.compile(rebase(body) as object) };
  l.compiled.set(op, c);
  return c;
}

const describeErrors = (v: ValidateFunction, where: string) =>
  (v.errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? "is invalid"}${e.params ? " " + JSON.stringify(e.params) : ""}`);

/** Check one request (path without the query string; body parsed, undefined when empty). */
export function checkRequest(method: string, path: string, query: Record<string, string>, body: unknown): SpecCheck {
  const l = load();
  const m = method.toLowerCase();
  const route = l.routes.find((r) => r.regex.test(path) && r.methods[m]);
  if (!route) {
    const other = l.routes.find((r) => r.regex.test(path));
    return {
      problems: [
        other
          ? `${method} is not an operation of ${other.template} (it has ${Object.keys(other.methods).join(", ")})`
          : `no operation in GitHub's REST API matches ${path}`,
      ],
    };
  }
  const op = route.methods[m]!;
  const c = compile(op);
  const problems: string[] = [];
  const values = route.regex.exec(path)!.slice(1);
  route.names.forEach((name, i) => {
    const v = c.path.get(name);
    if (!v) problems.push(`path parameter ${name} is not described by ${op.operationId}`);
    else if (!validParam(v, decodeURIComponent(values[i]!))) problems.push(...describeErrors(v, `path parameter ${name}`));
  });
  for (const [name, value] of Object.entries(query)) {
    const q = c.query.get(name);
    if (!q) {
      problems.push(`query parameter ${name} is not a parameter of ${op.operationId}`);
      continue;
    }
    if (!validParam(q.validate, value)) problems.push(...describeErrors(q.validate, `query parameter ${name}`));
  }
  for (const [name, q] of c.query) if (q.required && !(name in query)) problems.push(`query parameter ${name} is required`);
  if (c.body) {
    if (body === undefined) {
      if (c.body.required) problems.push(`${op.operationId} needs a JSON body`);
    } else if (!c.body.validate(body)) problems.push(...describeErrors(c.body.validate, "body"));
  } else if (body !== undefined && m !== "get" && m !== "delete") {
    problems.push(`${op.operationId} takes no body`);
  }
  return { operationId: op.operationId, template: route.template, problems };
}

/**
 * A parameter arrives as a string; its schema may ask for an integer or a boolean (page=2,
 * per_page=100): the string, or the number or boolean it spells, must match.
 */
function validParam(v: ValidateFunction, value: string): boolean {
  if (v(value)) return true;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === "number" || typeof parsed === "boolean") return v(parsed);
  } catch {
    // not JSON: it failed as a string
  }
  return false;
}
