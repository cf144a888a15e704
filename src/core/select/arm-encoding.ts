/**
 * The encodings the readers of Azure Resource Manager deployment files take. The Azure CLI reads
 * a template or parameters file with read_file_content (azure-cli-core's util.py: `utf-8-sig`
 * first, then `utf-16`, then `utf-16-le`, then `utf-8`), Azure PowerShell with .NET's readers,
 * which detect a byte order mark; Windows PowerShell 5's `Out-File`/`>` write UTF-16 LE with a
 * BOM. So a deployment template or parameters file (known by its `$schema`, as arm-template.ts
 * knows templates) with a UTF-8 BOM, or in UTF-16 with a BOM, is read by them: a warning naming
 * them, not an error. A UTF-16 file without a BOM stays an error (nothing tells its byte order
 * for sure), and so does any other file. .NET's `appsettings*.json`, known by name, are read by
 * BOM-detecting readers too (appsettingsUtf16Text). Pure.
 */
import type { Finding } from "../finding.js";

/** A deployment template or parameters `$schema` of any scope (schema.management.azure.com). */
const ARM_DEPLOYMENT_SCHEMA =
  /"\$schema"\s*:\s*"https?:\/\/schema\.management\.azure\.com\/schemas\/[^"/]+\/(?:subscription|managementGroup|tenant)?deployment(?:Template|Parameters)\.json#?"/i;

/** ARM's tools write `$schema` first: the head is enough, and nested templates further down are ignored. */
const HEAD = 4096;

/** Who reads such a file with a BOM, as the findings name them. */
export const ARM_BOM_READERS = "the Azure CLI (read_file_content: utf-8-sig, then utf-16) and Azure PowerShell";

/** True when the text declares an ARM deployment template or parameters schema near its start. */
export function declaresArmDeployment(text: string): boolean {
  return ARM_DEPLOYMENT_SCHEMA.test(text.slice(0, HEAD));
}

const decoders = {
  le: new TextDecoder("utf-16le", { fatal: true }),
  be: new TextDecoder("utf-16be", { fatal: true }),
};

/** The text of UTF-16 bytes with a byte order mark (the mark dropped) and their order, or undefined (no BOM, not UTF-16, a NUL). */
function utf16WithBom(bytes: Uint8Array): { text: string; order: "le" | "be" } | undefined {
  if (bytes.length < 2 || bytes.length % 2 !== 0) return undefined;
  const order = bytes[0] === 0xff && bytes[1] === 0xfe ? "le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "be" : undefined;
  if (order === undefined) return undefined;
  let text: string;
  try {
    text = decoders[order].decode(bytes); // drops the BOM
  } catch {
    return undefined; // a lone surrogate: not text
  }
  // A NUL character is no JSON text (a zero-filled tail): leave it to the error.
  return text.includes("\0") ? undefined : { text, order };
}

function utf16Warning(file: string, order: "le" | "be", readers: string): Finding {
  return {
    rule: "parse/encoding",
    level: "warning",
    file,
    line: 1,
    column: 1,
    message: `${file.slice(file.lastIndexOf("/") + 1)} is UTF-16 ${order === "le" ? "LE" : "BE"} with a byte order mark: ${readers} read it, but JSON must be UTF-8 (RFC 8259 §8.1) and other tools fail on it`,
    expected: "UTF-8",
    found: "UTF-16",
    fix: "re-save the file as UTF-8 (iconv -f UTF-16 -t UTF-8, or Out-File -Encoding utf8)",
  };
}

/**
 * The text of a UTF-16 file with a byte order mark that declares an ARM deployment schema, and
 * the warning that says so; undefined for anything else (no BOM, invalid UTF-16, another file),
 * which keeps the parse/encoding error. Known by content: on a pull request the base must agree.
 */
function armUtf16Text(bytes: Uint8Array, file: string): { text: string; warning: Finding } | undefined {
  const u = utf16WithBom(bytes);
  if (u === undefined || !declaresArmDeployment(u.text)) return undefined;
  return { text: u.text, warning: utf16Warning(file, u.order, ARM_BOM_READERS) };
}

/** Who reads an appsettings file with a UTF-16 BOM, as the findings name them. */
const APPSETTINGS_BOM_READERS =
  ".NET's configuration (JsonConfigurationFileParser reads it through a StreamReader, which detects the byte order mark) and PowerShell's Get-Content";

/**
 * An `appsettings*.json` in UTF-16 with a byte order mark: .NET's configuration reader, the one
 * its name stands for (well-known-names.ts), opens it with `new StreamReader(stream)`, whose
 * default detects a UTF-8, UTF-16 or UTF-32 BOM and decodes by it, before System.Text.Json parses
 * the text; Windows PowerShell 5 writes such files (`ConvertTo-Json | Out-File`) and reads them
 * back with Get-Content, which detects the BOM too. Known by name, so a warning naming them; no
 * BOM, or another name, stays the error.
 */
function appsettingsUtf16Text(bytes: Uint8Array, file: string): { text: string; warning: Finding } | undefined {
  const base = file.slice(file.lastIndexOf("/") + 1);
  if (!(base.startsWith("appsettings") && base.endsWith(".json"))) return undefined;
  const u = utf16WithBom(bytes);
  return u && { text: u.text, warning: utf16Warning(file, u.order, APPSETTINGS_BOM_READERS) };
}

/**
 * A UTF-16 file with a byte order mark that its reader takes (armUtf16Text, appsettingsUtf16Text):
 * its text, the warning, and whether it is known by content (an ARM `$schema`: on a pull request
 * the base must agree) rather than by name. Undefined keeps the parse/encoding error.
 */
export function readableUtf16(bytes: Uint8Array, file: string): { text: string; warning: Finding; byContent: boolean } | undefined {
  const arm = armUtf16Text(bytes, file);
  if (arm) return { ...arm, byContent: true };
  const named = appsettingsUtf16Text(bytes, file);
  return named && { ...named, byContent: false };
}
