/**
 * Every annotation on a check run: GitHub shows 10 error and 10 warning annotations per step
 * from workflow commands, but a check run takes any number, 50 per request (create, then
 * updates, each appending). Needs `checks: write`; without it (403) the caller says in the
 * summary where the hidden findings are instead.
 */
import type { Finding } from "../core/finding.js";
import { displayText } from "../core/names.js";
import { CHECK_ANNOTATION_BATCH, describeApiError, errorStatus, type CheckAnnotation, type GitHubClient } from "../io/github-api.js";
import { annotationText } from "../report/github.js";

/** GitHub's limit on an annotation's message (64 KB); ours stay far below. */
const MAX_MESSAGE = 4_000;

interface CheckRunOutcome {
  /** The check run holds every annotation. */
  url?: string;
  /** How many annotations were delivered (all, unless `failure`). */
  delivered: number;
  total: number;
  /** 403/404: the token may not create check runs. */
  denied?: boolean;
  /** What went wrong, for the summary (already warned). */
  failure?: string;
}

/**
 * The Checks API annotation for a finding with a file, or undefined (no file: nothing to
 * annotate). `prefix` makes the path relative to the GitHub repository (nested checkouts).
 */
function checkAnnotation(f: Finding, prefix: string): CheckAnnotation | undefined {
  if (!f.file) return undefined;
  const start = f.line && f.line > 0 ? f.line : 1;
  const end = f.endLine && f.endLine >= start ? f.endLine : start;
  const a: CheckAnnotation = {
    path: prefix ? `${prefix}/${f.file}` : f.file,
    start_line: start,
    end_line: end,
    annotation_level: f.level === "error" ? "failure" : f.level === "warning" ? "warning" : "notice",
    message: annotationText(f).slice(0, MAX_MESSAGE),
    title: displayText(f.rule),
  };
  // Columns only on a one-line annotation, as the API requires.
  if (f.line && end === start && f.column) {
    a.start_column = f.column;
    a.end_column = f.endColumn && f.endColumn >= f.column ? f.endColumn : f.column;
  }
  return a;
}

/** Create the check run and deliver every annotation in batches of 50; never throws. */
export async function publishCheckRun(o: {
  client: GitHubClient;
  name: string;
  headSha: string;
  findings: readonly Finding[];
  prefix: string;
  title: string;
  summary: string;
  conclusion: "success" | "failure" | "neutral";
  detailsUrl?: string;
  warn: (m: string) => void;
}): Promise<CheckRunOutcome> {
  const annotations = o.findings.map((f) => checkAnnotation(f, o.prefix)).filter((a): a is CheckAnnotation => a !== undefined);
  const total = annotations.length;
  const batch = (i: number) => annotations.slice(i * CHECK_ANNOTATION_BATCH, (i + 1) * CHECK_ANNOTATION_BATCH);
  const batches = Math.max(1, Math.ceil(total / CHECK_ANNOTATION_BATCH));
  // The API's limit on summary is 65535 characters.
  const output = { title: o.title, summary: o.summary.length > 65_000 ? o.summary.slice(0, 65_000) + "\n\n…" : o.summary };
  let run: { id: number; url: string };
  try {
    run = await o.client.createCheckRun({
      name: o.name,
      headSha: o.headSha,
      output: { ...output, annotations: batch(0) },
      ...(o.detailsUrl ? { detailsUrl: o.detailsUrl } : {}),
    });
  } catch (error) {
    const status = errorStatus(error);
    const denied = status === 403 || status === 404;
    const failure = denied
      ? `the token may not create check runs (HTTP ${status}; add \`permissions: checks: write\` to the job)`
      : `could not create the check run: ${describeApiError(error)}`;
    o.warn(`${failure}; GitHub shows only the first 10 error and 10 warning annotations of this step`);
    return { delivered: 0, total, ...(denied ? { denied } : {}), failure };
  }
  let delivered = batch(0).length;
  for (let i = 1; i <= batches; i++) {
    const last = i === batches;
    const next = last ? [] : batch(i);
    try {
      // The last request completes the run; the annotations went with the earlier ones.
      await o.client.updateCheckRun(run.id, { output: { ...output, annotations: next }, ...(last ? { conclusion: o.conclusion } : {}) });
      delivered += next.length;
    } catch (error) {
      const failure = `the check run has ${delivered} of ${total} annotations: ${describeApiError(error)}`;
      o.warn(failure);
      return { url: run.url, delivered, total, failure };
    }
  }
  return { url: run.url, delivered, total };
}
