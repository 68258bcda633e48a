// What follows /learn: a technique reached through the umbrella command; today "who has done this before?".
import { guardText, describeFindings } from '../privacy';
import { QUERY_MAX_LENGTH } from '../lessons/parse-lesson-query';

export type LearnCommand =
  | { verb: 'help' }
  | { verb: 'who'; topic: string }
  | { verb: 'opt-out' }
  | { verb: 'opt-in' }
  | { verb: 'invalid'; message: string };

export const WHO_EXAMPLE = 'For example: /learn who e-prescribing go-live';

export function parseLearnCommand(text: string): LearnCommand {
  const [first = '', ...rest] = text.trim().split(/\s+/u);
  const word = first.toLowerCase();
  if (word === '') return { verb: 'help' };
  if (word !== 'who') return { verb: 'invalid', message: `/learn has nothing called "${first}" yet. Type /learn help to see what it offers.` };
  const topic = rest.join(' ').trim();
  const lower = topic.toLowerCase();
  if (lower === 'opt-out' || lower === 'opt out') return { verb: 'opt-out' };
  if (lower === 'opt-in' || lower === 'opt in') return { verb: 'opt-in' };
  if (topic === '') return { verb: 'invalid', message: `Please say what the work is about: a subject, a service, a ward, a supplier or a system. ${WHO_EXAMPLE}` };
  if (topic.length > QUERY_MAX_LENGTH) {
    return { verb: 'invalid', message: `Please keep it under ${QUERY_MAX_LENGTH} characters: a few words about the work find the most people. ${WHO_EXAMPLE}` };
  }
  const { findings } = guardText(topic);
  // The digits are not repeated back: a topic is about work, never about a patient.
  if (findings.length > 0) return { verb: 'invalid', message: `That seems to contain ${describeFindings(findings)}. Please describe the work without it. ${WHO_EXAMPLE}` };
  return { verb: 'who', topic };
}
