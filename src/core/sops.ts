/**
 * Files encrypted by sops (https://github.com/getsops/sops): valid JSON/YAML whose keys are
 * plaintext and whose leaf values are ciphertext strings `ENC[AES256_GCM,data:...,type:int]`,
 * with a top-level `sops:` mapping (keys, `lastmodified`, `mac`, `version`). The file is
 * committed encrypted, and its schema describes the decrypted values: a schema `port: integer`
 * fails on every encrypted port. So the structure is still checked (keys, required members,
 * nesting), and only the verdicts on a ciphertext value, and on the `sops` member itself, are
 * dropped. A ciphertext value cannot be checked at all; the structure around it can. Pure.
 */
import type { ErrorObject } from "ajv";
import { getAtPointer } from "./pointer.js";

/** sops' value form: `ENC[AES256_GCM,data:<b64>,iv:<b64>,tag:<b64>,type:<str|int|float|bool|bytes|comment>]`. */
const ENC = /^ENC\[AES256_GCM,data:[A-Za-z0-9+/=]*,iv:[A-Za-z0-9+/=]+,tag:[A-Za-z0-9+/=]+,type:[a-z]+\]$/;

/** Whether a value is one sops ciphertext. */
function isSopsValue(v: unknown): v is string {
  return typeof v === "string" && ENC.test(v);
}

/**
 * Whether a parsed document is a sops-encrypted file: a root mapping whose `sops` member holds
 * the `mac` (itself a ciphertext) and a `version`; sops refuses to decrypt without them.
 */
export function isSopsDocument(doc: unknown): boolean {
  const meta = isObject(doc) ? doc.sops : undefined;
  return isObject(meta) && isSopsValue(meta.mac) && (typeof meta.version === "string" || typeof meta.version === "number");
}

/** Whether a parsed document holds a sops ciphertext anywhere (bounded walk). */
function hasSopsValue(doc: unknown, budget = { left: 100_000 }): boolean {
  if (--budget.left < 0) return false;
  if (isSopsValue(doc)) return true;
  if (Array.isArray(doc)) return doc.some((v) => hasSopsValue(v, budget));
  if (isObject(doc)) return Object.values(doc).some((v) => hasSopsValue(v, budget));
  return false;
}

/** Keywords whose verdict on a value depends on the values inside it (a ciphertext inside makes it no verdict). */
const DEPENDS_ON_CONTENT = new Set(["anyOf", "oneOf", "not", "if", "contains", "enum", "const", "uniqueItems", "discriminator"]);

/**
 * The schema errors of a sops-encrypted document that are verdicts on the file as committed:
 * errors on a ciphertext value, on the root `sops` member (an `additionalProperties: false`
 * schema of the plaintext does not know it), or of a content-dependent keyword over a value
 * that holds ciphertext, are dropped. Everything else (a required key missing, a mapping where
 * a list belongs, a plaintext value of the wrong type) stays.
 */
export function sopsVerdicts(errors: readonly ErrorObject[], doc: unknown): ErrorObject[] {
  return errors.filter((e) => {
    if (
      e.instancePath === "" &&
      e.keyword === "additionalProperties" &&
      (e.params as { additionalProperty?: unknown }).additionalProperty === "sops"
    )
      return false;
    if (e.instancePath === "/sops" || e.instancePath.startsWith("/sops/")) return false;
    if (
      e.instancePath === "" &&
      e.keyword === "unevaluatedProperties" &&
      (e.params as { unevaluatedProperty?: unknown }).unevaluatedProperty === "sops"
    )
      return false;
    const value = getAtPointer(doc, e.instancePath);
    if (isSopsValue(value)) return false;
    return !(DEPENDS_ON_CONTENT.has(e.keyword) && hasSopsValue(value));
  });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
