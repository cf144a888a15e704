/**
 * Reads the Chart.yaml (and Helm 2 requirements.yaml) beside the Helm values files of a layered
 * configuration set, for the keys Helm lets those values files add (core/conflicts/helm-charts.ts),
 * and the chart's templates/ with its values.yaml, for the keys the templates read that
 * values.yaml leaves out. Read from the same source as the set (the index for `check --staged`),
 * inside the repository.
 */
import { chartFilesFor, chartOpenPointers, templateReadPointers } from "../core/conflicts/helm-charts.js";
import { parseDocumentAsync } from "../core/parse/index.js";
import { underAny } from "../core/conflicts/detect.js";
import type { FileSource, ReadResult } from "../io/file-source.js";

/** Chart.yaml files are a few KiB; a larger one is not read (and opens nothing). */
const MAX_CHART_BYTES = 1024 * 1024;
/** values.yaml and templates: larger ones are not read (a template not read opens nothing). */
const MAX_TEMPLATE_BYTES = 4 * 1024 * 1024;
/** A chart's values.yaml and templates together: past this, the rest is not read (opens nothing). */
const MAX_CHART_TEMPLATE_BYTES = 32 * 1024 * 1024;

async function parsed(r: ReadResult | undefined, path: string): Promise<unknown> {
  if (!Buffer.isBuffer(r)) return undefined;
  const doc = await parseDocumentAsync(r, { path, mergeKeys: true });
  return doc.ok ? doc.value : undefined;
}

/**
 * config.extensible pointers opened by the Helm charts whose values files are among `paths`:
 * `/global`, each dependency's name and alias, and what the chart's templates read beyond its
 * values.yaml (templateReadPointers). A chart file that is absent, unreadable, too large or does
 * not parse opens nothing (its own problems are the validate check's to report).
 */
async function helmOpenPointers(source: FileSource, paths: readonly string[]): Promise<string[]> {
  const charts = chartFilesFor(paths);
  if (charts.length === 0) return [];
  const read = await source.read(
    charts.flatMap((c) => [c.chart, c.requirements]),
    { maxBytes: MAX_CHART_BYTES },
  );
  const out = new Set<string>();
  const isChart: typeof charts = [];
  for (const c of charts) {
    const chart = await parsed(read.get(c.chart), c.chart);
    if (chart === undefined) continue;
    isChart.push(c);
    const requirements = await parsed(read.get(c.requirements), c.requirements);
    for (const p of chartOpenPointers(chart, requirements)) out.add(p);
  }
  if (isChart.length > 0) {
    // Helm renders every file under templates/ (subfolders too; _helpers.tpl holds the named templates).
    const all = await source.list();
    for (const c of isChart) {
      const dir = c.dir === "" ? "templates/" : `${c.dir}/templates/`;
      const templates = all.filter((p) => p.startsWith(dir));
      if (templates.length === 0) continue;
      // values.yaml first: a read bounded by total bytes always takes the first path.
      const texts = await source.read([c.values, ...templates], { maxBytes: MAX_TEMPLATE_BYTES, maxTotalBytes: MAX_CHART_TEMPLATE_BYTES });
      const values = await parsed(texts.get(c.values), c.values);
      const bodies = templates.flatMap((p) => {
        const r = texts.get(p);
        return Buffer.isBuffer(r) ? [r.toString("utf8")] : [];
      });
      for (const p of templateReadPointers(bodies, values)) out.add(p);
    }
  }
  return [...out];
}

/** The trusted commit's side of a pull request's run (base-readings.ts: BaseReadings). */
export interface HelmBase {
  /** The trusted commit's files only. */
  readonly source: FileSource;
  /** Which of `paths` the trusted commit holds. */
  holding(paths: readonly string[]): Promise<ReadonlySet<string>>;
}

/** helmOpenPointers agreed with the trusted commit: what opens, and per chart what only the pull request's chart opened. */
export interface AgreedHelmPointers {
  open: string[];
  /** Pointers the pull request's chart opens that its base's chart does not, with that chart's Chart.yaml. */
  refused: { chart: string; pointers: string[] }[];
}

/**
 * helmOpenPointers on a pull request. The keys a chart opens come from its own files (Chart.yaml
 * dependencies, templates reading `.Values.x` or writing `.Values` whole), all of them the pull
 * request's: one template comment `{{/* toYaml .Values *\/}}`, or a dependency named like a typo,
 * had `config/unknown-key` off for an existing overlay (`replicaCout: 5` passed, and Helm deploys
 * the default count). For a chart whose Chart.yaml the trusted commit holds, a key is open only
 * where the base's chart opens it too; a chart the pull request adds opens what it says (no base
 * rule can name it yet). Without `base` (the hook, a push), helmOpenPointers as it is.
 */
export async function helmOpenPointersAgreed(source: FileSource, paths: readonly string[], base?: HelmBase): Promise<AgreedHelmPointers> {
  if (!base) return { open: await helmOpenPointers(source, paths), refused: [] };
  const charts = chartFilesFor(paths);
  if (charts.length === 0) return { open: [], refused: [] };
  const held = await base.holding(charts.map((c) => c.chart));
  const open = new Set<string>();
  const refused: AgreedHelmPointers["refused"] = [];
  for (const c of charts) {
    const mine = paths.filter((p) => p.slice(0, Math.max(0, p.lastIndexOf("/"))) === c.dir);
    const head = await helmOpenPointers(source, mine);
    if (!held.has(c.chart)) {
      for (const p of head) open.add(p);
      continue;
    }
    const atBase = new Set(await helmOpenPointers(base.source, mine));
    const headSet = new Set(head);
    // Open in both: a pointer of one side below (or at) a pointer of the other.
    const agreed = [...head.filter((p) => underAny(p, atBase)), ...[...atBase].filter((p) => underAny(p, headSet))];
    for (const p of agreed) open.add(p);
    const agreedSet = new Set(agreed);
    const lost = head.filter((p) => !underAny(p, agreedSet));
    if (lost.length > 0) refused.push({ chart: c.chart, pointers: lost });
  }
  return { open: [...open], refused };
}
