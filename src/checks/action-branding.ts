/**
 * `branding` (and an input's metadata other than its default) of a GitHub action below the repository root. GitHub's runner reads action.yml
 * through its own schema (actions/runner src/Runner.Worker/action_yaml.json), which names `name`,
 * `description`, `inputs`, `runs` and `outputs` and takes any value for every other key: it never
 * reads `branding`. GitHub Marketplace does, and lists an action only from an action.yml at the
 * repository root. So a branding value SchemaStore's enums refuse (vectordotdev/vector's local
 * action with `icon: tool`, a Feather icon Marketplace leaves out) breaks nothing below the root:
 * a warning there. At the root it stays an error (a Marketplace release refuses it).
 */
import type { Finding } from "../core/finding.js";

/**
 * An input's metadata other than `default` (`required`, `description`, `deprecationMessage`): the
 * runner's `input` definition types only `default` and takes any value for the other keys, and
 * never enforces `required` (microsoft/promptflow's local action says `required: required`).
 */
const INPUT_METADATA = /^\/inputs\/[^/]+\/(?!default(?:\/|$))[^/]+/;

/** The finding as its reader sees it: a branding violation of a non-root action.yml is a warning. */
export function brandingBelowRoot(builtinId: string | undefined, f: Finding): Finding {
  if (builtinId !== "github-action" || f.rule !== "schema/violation" || f.level !== "error") return f;
  if (f.file === undefined || !f.file.includes("/")) return f;
  if (INPUT_METADATA.test(f.pointer ?? "")) {
    return {
      ...f,
      level: "warning",
      message: `${f.message}: the runner reads only an input's \`default\` (action_yaml.json takes any value for its other keys), and only GitHub Marketplace, from an action.yml at the repository root, shows the rest`,
    };
  }
  if (f.pointer !== "/branding" && !f.pointer?.startsWith("/branding/")) return f;
  return {
    ...f,
    level: "warning",
    message: `${f.message}: only GitHub Marketplace reads branding, and only from an action.yml at the repository root; the runner ignores it here`,
  };
}
