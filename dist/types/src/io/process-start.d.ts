/** The start stamp of process `pid` ("<boot id>:<start ticks>"), or undefined when it cannot be read. */
export declare function processStart(pid: number): string | undefined;
/**
 * Whether the process that recorded (`pid`, `start`) still runs: its pid is alive and, when the
 * record has a start stamp and this system gives one, that pid started at the same time. A
 * record without a stamp (older versions, other systems) falls back to the pid alone.
 */
export declare function recordedProcessAlive(pid: number, start: unknown): boolean;
