// "Did you meet?" answers and their optional comments.
import { parseButtonValue, refuseButton } from '../../core/button-value';
import { FORM_VALUE_FIELD } from '../../core/card';
import type { ServiceReply } from '../../core/command-service';
import type { FormCheck } from '../../core/form-check';
import { organisationOf } from '../../core/organisation';
import { describeFindings } from '../../privacy/describe-findings';
import { guardText } from '../../privacy/guard';
import { textProblems } from '../../privacy/field-problem';
import { programmeOf } from '../../store/coffee/programmes';
import { recordAnswer, recordComment } from '../../store/coffee/rounds';
import { commentForm, feedbackAnswerValueSchema, feedbackTargetValueSchema, feedbackThanksCard, COMMENT_FIELD, COMMENT_MAX_LENGTH } from '../cards';
import { whisper, type CoffeeContext } from './context';
import { answerFirstCard, commentRefusedCard, commentSavedCard, commentTooLongCard, notInThatRoundCard, setupNeedsFormCard } from './notices';

export async function answer(ctx: CoffeeContext, value: string | undefined): Promise<ServiceReply> {
  const read = parseButtonValue(feedbackAnswerValueSchema, value, ctx.from);
  if (!read.ok) return read.refusal;
  const chosen = read.value;
  if (!(await ownProgramme(ctx, chosen.programme))) return refuseButton(ctx.from);
  const saved = await recordAnswer(ctx.tx, organisationOf(ctx.event), { programmeId: chosen.programme, round: chosen.round, personId: ctx.from.id, answer: chosen.answer }, ctx.now);
  if (!saved) return whisper(ctx, notInThatRoundCard());
  return whisper(ctx, feedbackThanksCard({ answer: chosen.answer, programmeId: chosen.programme, round: chosen.round }));
}

export async function openComment(ctx: CoffeeContext, value: string | undefined): Promise<ServiceReply> {
  const read = parseButtonValue(feedbackTargetValueSchema, value, ctx.from);
  if (!read.ok) return read.refusal;
  const target = read.value;
  if (!(await ownProgramme(ctx, target.programme))) return refuseButton(ctx.from);
  const trigger = 'trigger' in ctx.event ? ctx.event.trigger : undefined;
  if (trigger === undefined) return whisper(ctx, setupNeedsFormCard());
  return { say: [{ kind: 'form', to: ctx.from, trigger, form: commentForm({ programmeId: target.programme, round: target.round }) }] };
}

/** Comments are for the organiser only, but patient identifiers are refused all the same. */
export async function saveComment(ctx: CoffeeContext, fields: Record<string, string>): Promise<ServiceReply> {
  const read = parseButtonValue(feedbackTargetValueSchema, fields[FORM_VALUE_FIELD], ctx.from);
  if (!read.ok) return read.refusal;
  const target = read.value;
  if (!(await ownProgramme(ctx, target.programme))) return refuseButton(ctx.from);
  const comment = (fields[COMMENT_FIELD] ?? '').trim();
  if (comment === '') return { say: [] };
  if (comment.length > COMMENT_MAX_LENGTH) return whisper(ctx, commentTooLongCard(COMMENT_MAX_LENGTH, comment.length));
  const guarded = guardText(comment);
  if (guarded.findings.length > 0) return whisper(ctx, commentRefusedCard(describeFindings(guarded.findings)));
  const saved = await recordComment(ctx.tx, organisationOf(ctx.event), target.programme, target.round, ctx.from.id, comment);
  return whisper(ctx, saved ? commentSavedCard() : answerFirstCard());
}

/** A programme another organisation's button names reads as unknown there, so the presser gets the standard refusal. */
async function ownProgramme(ctx: CoffeeContext, programmeId: string): Promise<boolean> {
  return (await programmeOf(ctx.tx, organisationOf(ctx.event), programmeId)) !== undefined;
}

/** The comment form's answer, checked while the form is open: not too long, no patient identifiers. */
export const checkComment: FormCheck = (fields) =>
  textProblems(COMMENT_FIELD, fields[COMMENT_FIELD] ?? '', { label: 'A comment', max: COMMENT_MAX_LENGTH });
