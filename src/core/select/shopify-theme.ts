/**
 * JSON of a Shopify theme (a folder with `layout/theme.liquid`, the one file every theme must
 * have). Shopify reads a theme's templates (`templates/*.json`, `templates/customers/*.json`),
 * section groups (`sections/*.json`), settings (`config/settings_data.json`,
 * `config/settings_schema.json`) and translations (`locales/*.json`, `*.schema.json`); its admin's
 * theme and language editors save them with a generated `/* IMPORTANT: The contents of this file
 * are auto-generated ... *\/` header, which `shopify theme pull` and the GitHub integration commit
 * as they are, and Shopify's theme tools read these files as JSONC with trailing commas
 * (Shopify/theme-tools pull request 317). A missing comma, a cut file or a repeated key is still an
 * error. The theme's other folders (assets/ is served as is) and a package.json keep strict JSON. Pure.
 */
import type { JsoncDialect } from "./jsonc-by-content.js";

/** Shopify's theme JSON: comments (the admin's header) and trailing commas. */
export const SHOPIFY_THEME: JsoncDialect = { reader: "Shopify (theme JSON)", trailingCommas: true };

/** The theme folders whose JSON Shopify reads, with how deep a file may sit below each. */
const THEME_JSON_FOLDERS: Record<string, number> = { templates: 2, sections: 1, config: 1, locales: 1 };

/**
 * The `layout/theme.liquid` that would make `file` (repo-relative) a Shopify theme's JSON, or
 * undefined for a file that is not `.json` in one of the theme folders Shopify reads.
 */
export function shopifyThemeMarker(file: string): string | undefined {
  if (!file.endsWith(".json")) return undefined;
  const parts = file.split("/");
  for (let i = parts.length - 2; i >= 0 && parts.length - 1 - i <= 2; i--) {
    const depth = THEME_JSON_FOLDERS[parts[i]!];
    if (depth !== undefined && parts.length - 1 - i <= depth) {
      const root = parts.slice(0, i).join("/");
      return `${root ? `${root}/` : ""}layout/theme.liquid`;
    }
  }
  return undefined;
}
