// The spool's log when the database itself lives in memory (tests, a throwaway sandbox): nothing survives a restart anyway.
import type { DurableLog } from './spool';

export class MemoryLog implements DurableLog {
  readonly durable = false;
  private next = 1;

  append(): Promise<number> {
    return Promise.resolve(this.next++);
  }

  done(): void {}

  close(): Promise<void> {
    return Promise.resolve();
  }
}
