/**
 * Reads the Chart.yaml (and Helm 2 requirements.yaml) beside the Helm values files of a layered
 * configuration set, for the keys Helm lets those values files add (core/conflicts/helm-charts.ts).
 * Read from the same source as the set (the index for `check --staged`), inside the repository.
 */
import { chartFilesFor, chartOpenPointers } from "../core/conflicts/helm-charts.js";
import { parseDocumentAsync } from "../core/parse/index.js";
import type { FileSource, ReadResult } from "../io/file-source.js";

/** Chart.yaml files are a few KiB; a larger one is not read (and opens nothing). */
const MAX_CHART_BYTES = 1024 * 1024;

async function parsed(r: ReadResult | undefined, path: string): Promise<unknown> {
  if (!Buffer.isBuffer(r)) return undefined;
  const doc = await parseDocumentAsync(r, { path, mergeKeys: true });
  return doc.ok ? doc.value : undefined;
}

/**
 * config.extensible pointers opened by the Helm charts whose values files are among `paths`:
 * `/global` and each dependency's name and alias. A chart file that is absent, unreadable, too
 * large or does not parse opens nothing (its own problems are the validate check's to report).
 */
export async function helmOpenPointers(source: FileSource, paths: readonly string[]): Promise<string[]> {
  const charts = chartFilesFor(paths);
  if (charts.length === 0) return [];
  const read = await source.read(
    charts.flatMap((c) => [c.chart, c.requirements]),
    { maxBytes: MAX_CHART_BYTES },
  );
  const out = new Set<string>();
  for (const c of charts) {
    const chart = await parsed(read.get(c.chart), c.chart);
    if (chart === undefined) continue;
    const requirements = await parsed(read.get(c.requirements), c.requirements);
    for (const p of chartOpenPointers(chart, requirements)) out.add(p);
  }
  return [...out];
}
