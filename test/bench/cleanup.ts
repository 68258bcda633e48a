// Teardown steps of a bench run, run once, newest first, whatever fails along the way.
import { ArgsError } from './args';

export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private done?: Promise<void>;

  /** Set once Ctrl-C has started the cleanup, so the run's own failure is not reported on top. */
  interrupted = false;

  constructor(private readonly report: (line: string) => void) {}

  /** Ctrl-C reaches a tsx process twice (from the terminal, and relayed), so every SIGINT is caught and the first counts. */
  cleanUpOnInterrupt(bench: string): void {
    process.on('SIGINT', () => {
      if (this.interrupted) return;
      this.interrupted = true;
      this.report(`${bench}: interrupted; cleaning up`);
      void this.run().finally(() => process.exit(130));
    });
  }

  add(name: string, run: () => Promise<void>): void {
    this.steps.push({ name, run });
  }

  /** Runs every step once, newest first; a failing step is reported and the rest still run. */
  run(): Promise<void> {
    this.done ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.run();
        } catch (err) {
          this.report(`could not ${step.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    })();
    return this.done;
  }
}

/**
 * Reads a bench's flags (a mistake is named, exit 2) and runs its main with its cleanup: on success, failure or Ctrl-C
 * every step runs, then the process exits with main's code (sockets inside the SDKs may keep the loop alive a while).
 */
export function runBench<A>(
  bench: string,
  report: (line: string) => void,
  parse: (argv: string[]) => A,
  main: (cleanup: Cleanup, args: A) => Promise<number>,
): void {
  let args: A;
  try {
    args = parse(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof ArgsError)) throw err;
    process.stderr.write(`${bench}: ${err.message}\n`);
    process.exit(2);
  }
  const cleanup = new Cleanup(report);
  cleanup.cleanUpOnInterrupt(bench);
  void main(cleanup, args)
    .catch((err: unknown) => {
      if (!cleanup.interrupted) report(`${bench} failed: ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    })
    .then(async (code) => {
      await cleanup.run();
      process.exit(code);
    });
}
