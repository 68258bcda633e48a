// Replies the coffee service needs beyond the cards: platform gaps and stale buttons.
import { card, type Card } from '../../core/card';
import type { Place } from '../../core/model';
import { howToAddMobilise } from '../../core/platform-words';

export function setupNeedsFormCard(): Card {
  const text = 'Setting up needs a form, which this chat cannot open here. Please type /coffee setup as a slash command in the channel.';
  return card(text, { type: 'paragraph', text });
}

export function notInThatRoundCard(): Card {
  const text = "I can't find you in that round's groups, so there is nothing to answer. It may have been a round you were not part of.";
  return card(text, { type: 'paragraph', text });
}

export function answerFirstCard(): Card {
  const text = 'Please choose Yes, Not yet or We couldn’t first; the comment goes with your answer.';
  return card(text, { type: 'paragraph', text });
}

export function commentSavedCard(): Card {
  const text = 'Thank you, your comment is saved. Only the organiser sees comments.';
  return card(text, { type: 'paragraph', text });
}

export function commentRefusedCard(what: string): Card {
  const text = `I haven't saved that comment: it seems to contain ${what}. Please leave out anything that could identify a patient and try again.`;
  return card(text, { type: 'paragraph', text });
}

export function commentTooLongCard(max: number, length: number): Card {
  const text = `I haven't saved that comment: it can be up to ${max} characters, and it has ${length}.`;
  return card(text, { type: 'paragraph', text });
}

/** To the organiser when the programme's channel refuses the bot; rounds carry on in private messages. */
export function channelRefusedCard(place: Place): Card {
  const text =
    `I couldn't post in <#${place.channel}> for Randomised Coffee Trials, probably because I'm not a member of it. ` +
    `Please ${howToAddMobilise(place.platform)} so the channel sees the announcement and each round’s news. Matching and introductions carry on meanwhile.`;
  return card(text, { type: 'paragraph', text });
}

/** The stats card with the newest "Did you meet?" comments under it, unattributed. */
export function withComments(stats: Card, comments: { round: number; comment: string }[]): Card {
  if (comments.length === 0) return stats;
  const lines = comments.map((c) => `• Round ${c.round}: “${c.comment}”`).join('\n');
  return { text: `${stats.text}\nRecent comments:\n${lines}`, blocks: [...stats.blocks, { type: 'paragraph', text: `Recent comments:\n${lines}` }] };
}
