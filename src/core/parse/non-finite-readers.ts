/**
 * JSON files whose content names a reader that takes NaN, Infinity and -Infinity as numbers:
 * Python's json.loads accepts them by default (and json.dump writes them unless allow_nan=False),
 * so a program that writes and reads its file with Python's json round-trips them. Only a reader
 * the content itself names is trusted; any other `.json` keeps them as syntax errors (JSON.parse,
 * serde_json, jq and Jupyter's front ends refuse them: papermill#630, a notebook that no longer
 * opens). Pure.
 */

/** A reader known by member names its writer puts in every file it saves. */
interface NonFiniteReader {
  /** Member names, quoted, each starting a member (after `{`, `,` or white space, not after `\`): all must appear. */
  members: readonly RegExp[];
  reader: string;
}

const READERS: readonly NonFiniteReader[] = [
  // transformers saves config.json and generation_config.json with json.dumps (Infinity in a
  // Mamba2/Nemotron-H `time_step_limit`) and loads them with json.loads
  // (PretrainedConfig._dict_from_json_file); every such file carries `transformers_version`.
  { members: [/(?:^|[{,\s])"transformers_version"\s*:/], reader: "Hugging Face transformers (json.loads)" },
  // diffusers' ConfigMixin: the same json.loads, with `_diffusers_version` in each config.json.
  { members: [/(?:^|[{,\s])"_diffusers_version"\s*:/], reader: "Hugging Face diffusers (json.loads)" },
  // The Trainer's checkpoint-*/trainer_state.json: TrainerState.save_to_json writes it with
  // json.dumps (a diverged run logs `"grad_norm": NaN`, `"loss": NaN` in log_history) and
  // load_from_json reads it back with json.loads to resume. It holds no transformers_version;
  // every one holds these two members of the TrainerState dataclass (asdict writes them all).
  {
    members: [/(?:^|[{,\s])"log_history"\s*:/, /(?:^|[{,\s])"is_world_process_zero"\s*:/],
    reader: "Hugging Face Trainer state (json.loads)",
  },
  // The Trainer's metrics files (all_results.json, train_results.json, eval_results.json):
  // Trainer.save_metrics writes them with json.dump (`"eval_loss": NaN` after a diverged run) and
  // reads all_results.json back with json.load to merge the next split into it. Each holds the
  // speed metrics of its split (speed_metrics: `<split>_runtime`, `<split>_samples_per_second`).
  {
    members: [/(?:^|[{,\s])"[A-Za-z0-9]+_runtime"\s*:/, /(?:^|[{,\s])"[A-Za-z0-9]+_samples_per_second"\s*:/],
    reader: "Hugging Face Trainer metrics (json.load)",
  },
];

/**
 * The reader that takes non-finite numbers in `file`, when its content names one; undefined
 * otherwise. Only `.json` files: a notebook that prints a config keeps its strict reading.
 */
export function nonFiniteReaderOf(file: string, text: string): string | undefined {
  if (!file.endsWith(".json")) return undefined;
  return READERS.find((r) => r.members.every((m) => m.test(text)))?.reader;
}
