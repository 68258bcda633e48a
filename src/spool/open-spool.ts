// Opens the spool: on disk in its own folder, or in memory when the database is in memory too.
import { inboundSchema } from '../core/inbound-schema';
import { Journal } from './journal';
import { MemoryLog } from './memory-log';
import { Spool, type SpoolOptions } from './spool';

export async function openSpool(dir: string | undefined, opts: Omit<SpoolOptions, 'log' | 'recovered'>): Promise<Spool> {
  if (dir === undefined) return new Spool({ ...opts, log: new MemoryLog(), recovered: [] });
  const { journal, pending } = await Journal.open({ dir, log: opts.logger });
  const recovered: SpoolOptions['recovered'] = [];
  for (const entry of pending) {
    const parsed = inboundSchema.safeParse(entry.value);
    if (parsed.success) recovered.push({ seq: entry.seq, event: parsed.data });
    else {
      // Written by another version of Mobilise, or damaged: applying a guess could do harm, so it is named and let go.
      opts.logger.warn('a kept event does not read back and is skipped', { seq: entry.seq, problem: parsed.error.issues[0]?.message });
      journal.done(entry.seq);
    }
  }
  return new Spool({ ...opts, log: journal, recovered });
}
