// What every bench target shares, kept apart so the floor's process loads none of Mobilise.

export const BENCH_SIGNING_SECRET = 'bench-signing-secret-4b7e';
export const BENCH_BOT_TOKEN = 'xoxb-bench';
export const EVENTS_PATH = '/slack/events';

export interface Target {
  name: 'floor' | 'mobilise';
  /** Where signed requests go. */
  url: string;
  close(): Promise<void>;
}
