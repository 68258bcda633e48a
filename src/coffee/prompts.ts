// Conversation starters for colleagues from different corners of health and care meeting for half an hour.

export const CONVERSATION_PROMPTS: readonly string[] = [
  'What does a typical day look like for you, and what would surprise someone who has never done your job?',
  "What's something you've learned in the last month, at work or outside it?",
  'Who helped you most when you were new to your role, and what did they do that made a difference?',
  'If you could change one thing about how your service works tomorrow, what would it be?',
  "What's a small change your team made that turned out to matter more than expected?",
  'Which other teams do you rely on most, and what do you wish they knew about your work?',
  "What's a problem you're working on at the moment? Has either of you seen something similar?",
  "What's the best piece of advice you've been given in your career?",
  'What brought you into health and care, and what keeps you here?',
  'Think of a time a patient, service user or colleague said thank you. What had happened?',
  'What would you show a visitor if they spent a morning with your team?',
  'Where do you go when you need to find out how something is done here?',
  "What's something your team does well that others could borrow?",
  'What takes up more of your time than it should, and what would free it up?',
  'If you could spend a day shadowing any role in the organisation, which would you choose, and why?',
  "What's a skill you'd like to learn, and who might be able to teach it?",
  'How has your work changed over the last few years, and what has stayed the same?',
  "What's one thing you wish you'd known when you started in your current job?",
  'Who is someone in the organisation more people should know about?',
  'What does a good day at work feel like for you, and what makes one happen?',
];

/** Mixes the seed and round into one well-spread number, so each round starts somewhere new in the list. */
function mix(seed: number, round: number): number {
  let h = Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (round | 0) ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The same inputs always give the same prompt; groups in one round get different ones (until the list runs out). */
export function promptFor(seed: number, round: number, groupIndex: number): string {
  const count = CONVERSATION_PROMPTS.length;
  const index = (((mix(seed, round) + Math.trunc(groupIndex)) % count) + count) % count;
  return CONVERSATION_PROMPTS[index] ?? CONVERSATION_PROMPTS[0] ?? '';
}
