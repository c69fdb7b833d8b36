// The in-process scheduler: runs each job once shortly after start and then every interval, one
// tick at a time (a slow tick is never overlapped by the next). Jobs make themselves safe across
// several server processes (each takes a PostgreSQL advisory lock); errors are logged, not thrown.

export interface Job {
  name: string;
  /** Does one round of work at `now`; answers figures worth logging when it did something. */
  run(now: Date): Promise<Record<string, number | boolean> | null>;
}

export interface Scheduler {
  stop(): Promise<void>;
}

export function startScheduler(
  jobs: readonly Job[],
  log: { info: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void },
  intervalMs: number,
  clock: () => Date = () => new Date(),
): Scheduler {
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = (async () => {
      for (const job of jobs) {
        try {
          const figures = await job.run(clock());
          if (figures) log.info(figures, `${job.name} tick`);
        } catch (error) {
          log.error({ err: error }, `${job.name} tick failed`);
        }
      }
      running = null;
    })();
  };
  const first = setTimeout(tick, Math.min(5_000, intervalMs));
  const timer = setInterval(tick, intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
