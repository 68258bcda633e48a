// Flags of bench:replies, checked with zod; a bad value is one line and exit code 2.
import { z } from 'zod';
import { ArgsError, parseFlags, whole } from './args';

const schema = z.object({
  concurrency: whole('--concurrency', 1, 1000, 32),
  seconds: whole('--seconds', 1, 600, 30),
  reviews: whole('--reviews', 1, 1000, 20),
  'fresh-reviews': whole('--fresh-reviews', 1, 20_000, 1000),
  'answers-small': whole('--answers-small', 1, 1000, 20),
  'answers-large': whole('--answers-large', 1, 100_000, 1000),
  'prefill-seconds': whole('--prefill-seconds', 10, 3600, 180),
  'commit-wait': whole('--commit-wait', 5, 3600, 120),
});

export interface RepliesArgs {
  /** Replies in flight at once. */
  concurrency: number;
  /** Longest a measured window sends for. */
  seconds: number;
  /** Reviews the replies are spread over at any one time. */
  reviews: number;
  /** Fresh reviews the small phase may use, a whole number of groups of `reviews`. */
  freshReviews: number;
  answersSmall: number;
  answersLarge: number;
  /** Longest the untimed growth of the large reviews may take. */
  prefillSeconds: number;
  /** Longest to wait, after the last ack, for the acked replies to be committed. */
  commitWaitSeconds: number;
}

export function parseRepliesArgs(argv: string[]): RepliesArgs {
  const flags = parseFlags(argv, schema);
  if (flags['fresh-reviews'] < flags.reviews) throw new ArgsError('--fresh-reviews must be at least --reviews');
  if (flags['answers-large'] <= flags['answers-small']) throw new ArgsError('--answers-large must be more than --answers-small');
  return {
    concurrency: flags.concurrency,
    seconds: flags.seconds,
    reviews: flags.reviews,
    freshReviews: flags['fresh-reviews'] - (flags['fresh-reviews'] % flags.reviews),
    answersSmall: flags['answers-small'],
    answersLarge: flags['answers-large'],
    prefillSeconds: flags['prefill-seconds'],
    commitWaitSeconds: flags['commit-wait'],
  };
}
