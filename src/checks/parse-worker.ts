/**
 * Entry of a parse worker thread (built as its own file beside each bundle: dist/<target>/
 * parse-worker.js; see src/checks/parse-pool.ts). Receives tasks of a few files in one buffer,
 * answers with each file's outcome in the same order.
 */
import { parentPort } from "node:worker_threads";
import { runParseJob, WorkerValidators, type ParseOutcome, type ParseResultMessage, type ParseTaskMessage } from "./parse-task.js";

const port = parentPort;
if (!port) throw new Error("parse-worker.js runs only as a worker thread");
const validators = new WorkerValidators();

port.on("message", (task: ParseTaskMessage) => {
  void handle(task);
});

async function handle(task: ParseTaskMessage): Promise<void> {
  validators.add(task.codes);
  const outcomes: ParseOutcome[] = [];
  const all = new Uint8Array(task.buffer);
  for (const job of task.jobs) {
    outcomes.push(await runParseJob(all.subarray(job.start, job.end), job, validators));
  }
  const reply: ParseResultMessage = { id: task.id, outcomes };
  port!.postMessage(reply);
}
