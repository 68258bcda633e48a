// Readers for what the playground showed and logged, phrased so a failing test says what Teams was sent and what it said.
import type { Sql } from '../../src/store/db';
import { adaptiveCardProblems } from './adaptive-card-check';
import type { CardMessage, PlaygroundTeams } from './playground-driver';
import type { ConnectorCall, SeenMessage } from './playground-frames';

type Json = Record<string, unknown>;

/** All the words a message shows (text, and every card), for looking for words in. */
export function wordsOf(m: CardMessage | SeenMessage): string {
  const shown = 'versions' in m ? m.versions.at(-1) : m;
  return JSON.stringify([shown?.text, shown?.attachments]);
}

/** The Adaptive Card a message carries. */
export function cardOf(m: CardMessage | SeenMessage): Json {
  const shown = 'versions' in m ? m.versions.at(-1) : m;
  const card = shown?.attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (typeof card !== 'object' || card === null) throw new Error(`message ${m.id} has no Adaptive Card: ${wordsOf(m).slice(0, 300)}`);
  return card as Json;
}

/** Who a card's mention entities name (msteams.entities), as Teams resolves `<at>` tags in it. */
export function mentionedIn(m: CardMessage | SeenMessage): { id: string; name: string }[] {
  const msteams = cardOf(m).msteams as { entities?: { mentioned: { id: string; name: string } }[] } | undefined;
  return (msteams?.entities ?? []).map((e) => ({ id: e.mentioned.id, name: e.mentioned.name }));
}

function described(c: ConnectorCall): string {
  const text = typeof c.body.text === 'string' ? `text "${c.body.text.replace(/\s+/g, ' ').slice(0, 60)}…"` : 'no text';
  const cards = Array.isArray(c.body.attachments) ? c.body.attachments.length : 0;
  return `${text} and ${cards} attachment(s)`;
}

/**
 * Everything wrong with how the bot's messages reached one conversation, as the playground saw it: a post it did not
 * take as one message with an id (it splits text plus attachments into several and answers 202 without an id), a
 * replacement it refused, a message it showed that no post accounts for (a split-off part), or the same thing posted twice.
 */
export function deliveryProblems(teams: PlaygroundTeams, conversationId: string | undefined): string[] {
  const calls = teams.callsTo(conversationId);
  const problems: string[] = [];
  const posts = new Map<string, number>();
  for (const c of calls) {
    const answer = `${c.status} ${JSON.stringify(c.response) ?? '(no body)'}`;
    if (c.kind === 'post' && (c.status !== 201 || c.id === undefined)) problems.push(`posted ${described(c)}; the playground answered ${answer}`);
    if (c.kind === 'update' && c.status !== 200) problems.push(`replaced message ${String(c.body.id)} with ${described(c)}; the playground answered ${answer}`);
    if (c.kind === 'post') {
      const key = JSON.stringify([c.body.text, c.body.attachments]);
      posts.set(key, (posts.get(key) ?? 0) + 1);
      if (posts.get(key) === 2) problems.push(`posted the same message again: ${described(c)}`);
    }
  }
  const named = new Set(calls.flatMap((c) => (c.kind === 'post' && c.id !== undefined ? [c.id] : [])));
  for (const c of teams.transcript.calls) if (c.activityId !== undefined) named.add(c.activityId);
  const shown = conversationId === undefined ? [] : teams.messagesIn(conversationId);
  for (const m of shown) if (!named.has(m.id)) problems.push(`the playground shows message ${m.id} (${wordsOf(m).slice(0, 80)}…) that no post of the bot named`);
  return problems;
}

/** The bot's replacements of one message, as the playground answered them. */
export function updatesOf(teams: PlaygroundTeams, m: SeenMessage): { status: number; id?: string }[] {
  return teams.callsTo(m.conversationId).flatMap((c) => (c.kind === 'update' && c.body.id === m.id ? [{ status: c.status, ...(c.id === undefined ? {} : { id: c.id }) }] : []));
}

/** Cards the playground showed or logged that Teams would not render as sent. */
export function cardProblems(teams: PlaygroundTeams): string[] {
  const cards = [
    ...teams.transcript.seen.flatMap((m) => m.versions.flatMap((v) => v.attachments)),
    ...teams.transcript.calls.flatMap((c) => (Array.isArray(c.body.attachments) ? (c.body.attachments as { contentType?: unknown; content?: unknown }[]) : [])),
  ].filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return cards.flatMap((a) => adaptiveCardProblems(a.content));
}

/** Messages Mobilise's outbox did not deliver at the first attempt, as Mobilise recorded them. */
export async function outboxProblems(db: Sql): Promise<string[]> {
  const rows = await db.query('SELECT id, stream, attempts, last_error, delivered_at FROM outbox ORDER BY id');
  return rows
    .filter((r) => r.delivered_at === null || r.attempts !== 1 || r.last_error !== null)
    .map((r) => `outbox ${String(r.id)}: ${r.delivered_at === null ? 'not delivered' : 'delivered'} after ${String(r.attempts)} attempt(s), last error ${JSON.stringify(r.last_error)}`);
}
