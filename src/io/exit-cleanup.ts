/**
 * Cleanups that must run however the process ends: normally, on an uncaught error, or on
 * SIGINT / SIGTERM / SIGHUP (Ctrl-C, a CI runner cancelling the job, a closed terminal). Used
 * for secrets that had to leave memory (issue 14 item 4). Each cleanup is synchronous, because
 * nothing asynchronous runs after a signal handler decides to exit. After the cleanups the
 * signal is raised again with the default action, so the exit status still says which signal
 * ended the process. SIGKILL cannot be caught: what must survive that is swept on the next
 * start instead.
 */
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

const cleanups = new Set<() => void>();
let installed = false;

function runAll(): void {
  // Last registered first: an agent started in a private folder stops before the folder goes.
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn);
    try {
      fn();
    } catch {
      /* best effort: the other cleanups still run */
    }
  }
}

function onSignal(signal: NodeJS.Signals): void {
  runAll();
  uninstall();
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on("exit", runAll);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of SIGNALS) process.off(s, onSignal);
  process.off("exit", runAll);
}

/**
 * Register `fn` to run once at exit or on a terminating signal. Returns a function that runs it
 * now (if it has not run yet) and unregisters it; handlers are removed when none is left, so
 * a process that holds no secret keeps the default signal behaviour.
 */
export function onExitCleanup(fn: () => void): () => void {
  cleanups.add(fn);
  install();
  return () => {
    if (cleanups.delete(fn)) {
      try {
        fn();
      } finally {
        if (cleanups.size === 0) uninstall();
      }
    }
  };
}
