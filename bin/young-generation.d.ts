/** Types of bin/young-generation.js (plain JavaScript: bin/integrity-guard.js runs it before the bundle). */
export const SEMI_SPACE_MIB: number;
export function youngGenerationArgs(
  args: readonly string[],
  execArgv: readonly string[],
  env: Record<string, string | undefined>,
  canReplace: boolean,
): string[] | undefined;
export function capYoungGeneration(): void;
export const INDEX_BYTES_FROM: number;
