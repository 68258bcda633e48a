// Teardown steps of a bench run, run once, newest first, whatever fails along the way.

export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> }[] = [];
  private done?: Promise<void>;

  constructor(private readonly report: (line: string) => void) {}

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
