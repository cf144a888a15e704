/**
 * JSON files whose content names a reader that takes NaN, Infinity and -Infinity as numbers:
 * Python's json.loads accepts them by default (and json.dump writes them unless allow_nan=False),
 * so a program that writes and reads its file with Python's json round-trips them. Only a reader
 * the content itself names is trusted; any other `.json` keeps them as syntax errors (JSON.parse,
 * serde_json, jq and Jupyter's front ends refuse them: papermill#630, a notebook that no longer
 * opens). Pure.
 */

/** A reader known by a member name its writer puts at the top of every file it saves. */
interface NonFiniteReader {
  /** The member name, quoted, starting a member (after `{`, `,` or white space, not after `\`). */
  member: RegExp;
  reader: string;
}

const READERS: readonly NonFiniteReader[] = [
  // transformers saves config.json and generation_config.json with json.dumps (Infinity in a
  // Mamba2/Nemotron-H `time_step_limit`) and loads them with json.loads
  // (PretrainedConfig._dict_from_json_file); every such file carries `transformers_version`.
  { member: /(?:^|[{,\s])"transformers_version"\s*:/, reader: "Hugging Face transformers (json.loads)" },
  // diffusers' ConfigMixin: the same json.loads, with `_diffusers_version` in each config.json.
  { member: /(?:^|[{,\s])"_diffusers_version"\s*:/, reader: "Hugging Face diffusers (json.loads)" },
];

/**
 * The reader that takes non-finite numbers in `file`, when its content names one; undefined
 * otherwise. Only `.json` files: a notebook that prints a config keeps its strict reading.
 */
export function nonFiniteReaderOf(file: string, text: string): string | undefined {
  if (!file.endsWith(".json")) return undefined;
  return READERS.find((r) => r.member.test(text))?.reader;
}
