/** PLACEHOLDER until snapshots land: no snapshot to fall back to. */
export async function readFromNewestSnapshot(_file: string): Promise<{ snapshot: string; content: Buffer } | undefined> {
  return undefined;
}
