// Samples a process's RSS every 250 ms, keeping the peak of the current stretch and of the whole run.
export const SAMPLE_MS = 250;

export class RssSampler {
  private timer?: NodeJS.Timeout;
  private stretchMax = 0;
  private runMax = 0;
  private reading = false;

  /** source reads the RSS in MB of whichever process is current (Mobilise may be restarted mid-run). */
  constructor(private readonly source: () => Promise<number | undefined>) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sample(), SAMPLE_MS);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reads the RSS now, counting it towards the peaks. */
  async sample(): Promise<number | undefined> {
    // A slow read never overlaps the next one.
    if (this.reading) return undefined;
    this.reading = true;
    try {
      const mb = await this.source();
      if (mb !== undefined) {
        this.stretchMax = Math.max(this.stretchMax, mb);
        this.runMax = Math.max(this.runMax, mb);
      }
      return mb;
    } finally {
      this.reading = false;
    }
  }

  /** The peak since the last call, and starts a new stretch. */
  takeStretchMax(): number {
    const max = this.stretchMax;
    this.stretchMax = 0;
    return max;
  }

  get max(): number {
    return this.runMax;
  }
}
