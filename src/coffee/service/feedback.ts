// "Did you meet?" answers and their optional comments.
import { FORM_VALUE_FIELD } from '../../core/card';
import type { ServiceReply } from '../../core/command-service';
import { describeFindings } from '../../privacy/describe-findings';
import { guardText } from '../../privacy/guard';
import { recordAnswer, recordComment } from '../../store/coffee/rounds';
import { commentForm, feedbackThanksCard, invalidCommandCard, readFeedbackAnswer, readFeedbackTarget, COMMENT_FIELD } from '../cards';
import { whisper, type CoffeeContext } from './context';
import { answerFirstCard, commentRefusedCard, commentSavedCard, notInThatRoundCard, setupNeedsFormCard } from './notices';

const STALE = invalidCommandCard('That button is from a message I can no longer read. Please use the newest one.');

export async function answer(ctx: CoffeeContext, value: string | undefined): Promise<ServiceReply> {
  const chosen = readFeedbackAnswer(value);
  if (!chosen) return whisper(ctx, STALE);
  const saved = await recordAnswer(ctx.tx, { programmeId: chosen.programme, round: chosen.round, personId: ctx.from.id, answer: chosen.answer }, ctx.now);
  if (!saved) return whisper(ctx, notInThatRoundCard());
  return whisper(ctx, feedbackThanksCard({ answer: chosen.answer, programmeId: chosen.programme, round: chosen.round }));
}

export function openComment(ctx: CoffeeContext, value: string | undefined): ServiceReply {
  const target = readFeedbackTarget(value);
  if (!target) return whisper(ctx, STALE);
  const trigger = 'trigger' in ctx.event ? ctx.event.trigger : undefined;
  if (trigger === undefined) return whisper(ctx, setupNeedsFormCard());
  return { say: [{ kind: 'form', to: ctx.from, trigger, form: commentForm({ programmeId: target.programme, round: target.round }) }] };
}

/** Comments are for the organiser only, but patient identifiers are refused all the same. */
export async function saveComment(ctx: CoffeeContext, fields: Record<string, string>): Promise<ServiceReply> {
  const target = readFeedbackTarget(fields[FORM_VALUE_FIELD]);
  if (!target) return whisper(ctx, STALE);
  const comment = (fields[COMMENT_FIELD] ?? '').trim();
  if (comment === '') return { say: [] };
  const guarded = guardText(comment);
  if (guarded.findings.length > 0) return whisper(ctx, commentRefusedCard(describeFindings(guarded.findings)));
  const saved = await recordComment(ctx.tx, target.programme, target.round, ctx.from.id, comment);
  return whisper(ctx, saved ? commentSavedCard() : answerFirstCard());
}
