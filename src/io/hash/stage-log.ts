/**
 * A memory log of the stages of a long run, for measuring (issue 20: peak RSS at 500,000 files).
 * Off unless IG_STAGE_LOG is set (to 1 for stderr, or to a file to append to): a line per stage
 * end with the resident set now and at its peak so far, and the V8 heap, external and
 * array-buffer bytes, so a change can be judged stage by stage instead of by the peak alone; and
 * the CPU time (user+sys, this process's threads together) the stage took, so a change to speed is
 * judged by CPU, which load on a shared machine moves less than wall time.
 */
import fs from "node:fs";

const target = process.env.IG_STAGE_LOG;
/** CPU at the end of the last stage (none yet: the first stage counts from the process's start). */
let cpuBefore: NodeJS.CpuUsage | undefined;
/** The main thread's CPU (ns) at the end of the last stage. */
let mainBefore = 0;

/**
 * CPU time of the main thread alone, in ns (Linux: the scheduler's count for this thread), or
 * undefined elsewhere. Beside the whole process's figure it tells the main thread's share from
 * the hash and parse threads' share, which overlap it.
 */
function mainThreadNs(): number | undefined {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, "latin1").split(" ")[0]);
  } catch {
    return undefined;
  }
}

/** Log the end of stage `name` (a no-op unless IG_STAGE_LOG is set). */
export function stageEnd(name: string): void {
  if (!target) return;
  const m = process.memoryUsage();
  const mb = (n: number) => (n / 1048576).toFixed(1);
  const cpu = process.cpuUsage(cpuBefore);
  cpuBefore = process.cpuUsage();
  const ms = ((cpu.user + cpu.system) / 1000).toFixed(0);
  const main = mainThreadNs();
  const onMain = main === undefined ? "" : ` (main thread ${((main - mainBefore) / 1e6).toFixed(0)})`;
  if (main !== undefined) mainBefore = main;
  const line = `stage ${name}: cpu ${ms}${onMain} ms, rss ${mb(m.rss)} peak ${mb(process.resourceUsage().maxRSS * 1024)} heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} external ${mb(m.external)} buffers ${mb(m.arrayBuffers)} MB\n`;
  if (target === "1") process.stderr.write(line);
  else fs.appendFileSync(target, line);
}
