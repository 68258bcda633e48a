// An honest in-memory chat platform for engine tests: it records what it was asked to send.
import type { Card, FormSpec } from '../../src/core/card';
import type { Person, Place } from '../../src/core/model';
import { PlaceUnavailable, type ChatPort, type NamedRef, type PostedRef } from '../../src/core/ports';

export type Sent =
  | { op: 'post'; place: Place; card: Card; id: string }
  | { op: 'update'; ref: NamedRef; card: Card }
  | { op: 'whisper'; place: Place; to: Person; card: Card }
  | { op: 'direct'; to: Person; card: Card }
  | { op: 'form'; trigger: string; place: Place; form: FormSpec };

export class RecordingChat implements ChatPort {
  readonly sent: Sent[] = [];
  private next = 1;
  /** Number of upcoming calls that fail, to test retries. */
  failures = 0;
  /** Errors the next calls throw, in order (after `failures`), as a platform adapter would translate them. */
  readonly failWith: Error[] = [];
  /** Posts the platform takes without naming them (Teams' 202 with no id). */
  unnamedPosts = 0;
  /** Channels the bot has not been invited to. */
  readonly closedChannels = new Set<string>();
  /** Like Teams: a post made inside a thread is replied to in that thread, not in one of its own. */
  threadsStayPut = false;

  private maybeFail(place?: Place): void {
    if (place && this.closedChannels.has(place.channel)) throw new PlaceUnavailable('not_in_channel');
    if (this.failures > 0) {
      this.failures -= 1;
      throw new Error('platform unavailable');
    }
    const next = this.failWith.shift();
    if (next !== undefined) throw next;
  }

  async post(place: Place, card: Card): Promise<PostedRef> {
    this.maybeFail(place);
    const id = `m${this.next++}`;
    this.sent.push({ op: 'post', place, card, id });
    if (this.unnamedPosts > 0) {
      this.unnamedPosts -= 1;
      return { place, repliesIn: 'place' };
    }
    return this.threadsStayPut && place.thread !== undefined ? { place, id, repliesIn: 'place' } : { place, id };
  }
  async update(ref: NamedRef, card: Card): Promise<void> {
    this.maybeFail();
    this.sent.push({ op: 'update', ref, card });
  }
  async whisper(place: Place, to: Person, card: Card): Promise<void> {
    this.maybeFail(place);
    this.sent.push({ op: 'whisper', place, to, card });
  }
  async direct(to: Person, card: Card): Promise<void> {
    this.maybeFail();
    this.sent.push({ op: 'direct', to, card });
  }
  async link(ref: NamedRef): Promise<string> {
    return `https://chat.example/${ref.place.channel}/${ref.id}`;
  }
  async openForm(trigger: string, place: Place, form: FormSpec): Promise<void> {
    this.maybeFail();
    this.sent.push({ op: 'form', trigger, place, form });
  }
}
