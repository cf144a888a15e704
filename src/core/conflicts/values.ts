/**
 * Value helpers shared by conflict detection, resolution and sync: a canonical form for
 * equality (key order ignored, types kept: 5 and "5" differ, .inf and null differ), short
 * displays for messages, and safe deep set/clone (no prototype pollution from `__proto__` keys).
 */

/** True for a plain mapping (not null, not an array). */
export function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * Canonical text of a value: equal values give equal text whatever their key order. Scalars
 * are tagged with their type, so `5`, `"5"` and `5.0`-vs-`"5.0"` are told apart.
 */
export function canon(v: unknown): string {
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Number.isFinite(v) ? String(v) : `#${String(v)}`;
    case "boolean":
      return v ? "true" : "false";
    case "bigint":
      return `${v}n`;
    case "undefined":
      return "#undefined";
    default:
      break;
  }
  if (v === null) return "null";
  if (Array.isArray(v)) return "[" + v.map(canon).join(",") + "]";
  if (v instanceof Date) return `#date:${v.toISOString()}`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj).sort();
  return "{" + keys.map((k) => JSON.stringify(k) + ":" + canon(obj[k])).join(",") + "}";
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== "number" || !Number.isNaN(a);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
  }
  return canon(a) === canon(b);
}

/** A short, single-line rendering of a value for messages (never used for secrets). */
export function display(v: unknown, max = 80): string {
  let s: string;
  if (v === undefined) return "(absent)";
  if (typeof v === "number" && !Number.isFinite(v)) s = String(v);
  else if (isMap(v)) s = Object.keys(v).length === 0 ? "{}" : `a map (${Object.keys(v).length} keys)`;
  else {
    try {
      s = JSON.stringify(v) ?? String(v);
    } catch {
      s = String(v);
    }
  }
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

/** Deep copy of JSON-like data; objects keep own keys only. */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T;
  if (isMap(v) && !(v instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) setOwn(out, k, clone(v[k]));
    return out as T;
  }
  return v;
}

/** Define an own enumerable property (works for "__proto__" without touching the prototype). */
export function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key !== "__proto__") {
    obj[key] = value;
    return;
  }
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Set `value` at the path `tokens` inside `root` (mutating), creating maps on the way. Returns
 * the new root (a replacement when `tokens` is empty). Array indexes must exist or be the length.
 */
export function setAtPath(root: unknown, tokens: readonly string[], value: unknown): unknown {
  if (tokens.length === 0) return value;
  const top: unknown = isMap(root) || Array.isArray(root) ? root : {};
  let cur: unknown = top;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const last = i === tokens.length - 1;
    if (Array.isArray(cur)) {
      const idx = /^(0|[1-9][0-9]*)$/.test(t) ? Number(t) : -1;
      if (idx < 0 || idx > cur.length) throw new Error(`index ${t} out of range`);
      if (last) cur[idx] = value;
      else {
        if (!isMap(cur[idx]) && !Array.isArray(cur[idx])) cur[idx] = {};
        cur = cur[idx];
      }
    } else {
      const m = cur as Record<string, unknown>;
      const has = Object.prototype.hasOwnProperty.call(m, t);
      if (last) setOwn(m, t, value);
      else {
        if (!has || (!isMap(m[t]) && !Array.isArray(m[t]))) setOwn(m, t, {});
        cur = m[t];
      }
    }
  }
  return top;
}

/** Value at `tokens` (own properties only); undefined when absent. */
export function getAtPath(root: unknown, tokens: readonly string[]): unknown {
  let cur = root;
  for (const t of tokens) {
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(t)) return undefined;
      cur = cur[Number(t)];
    } else if (isMap(cur) && Object.prototype.hasOwnProperty.call(cur, t)) cur = cur[t];
    else return undefined;
  }
  return cur;
}
