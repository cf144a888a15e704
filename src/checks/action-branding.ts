/**
 * `branding` of a GitHub action below the repository root. GitHub's runner reads action.yml
 * through its own schema (actions/runner src/Runner.Worker/action_yaml.json), which names `name`,
 * `description`, `inputs`, `runs` and `outputs` and takes any value for every other key: it never
 * reads `branding`. GitHub Marketplace does, and lists an action only from an action.yml at the
 * repository root. So a branding value SchemaStore's enums refuse (vectordotdev/vector's local
 * action with `icon: tool`, a Feather icon Marketplace leaves out) breaks nothing below the root:
 * a warning there. At the root it stays an error (a Marketplace release refuses it).
 */
import type { Finding } from "../core/finding.js";

/** The finding as its reader sees it: a branding violation of a non-root action.yml is a warning. */
export function brandingBelowRoot(builtinId: string | undefined, f: Finding): Finding {
  if (builtinId !== "github-action" || f.rule !== "schema/violation" || f.level !== "error") return f;
  if (f.file === undefined || !f.file.includes("/")) return f;
  if (f.pointer !== "/branding" && !f.pointer?.startsWith("/branding/")) return f;
  return {
    ...f,
    level: "warning",
    message: `${f.message}: only GitHub Marketplace reads branding, and only from an action.yml at the repository root; the runner ignores it here`,
  };
}
