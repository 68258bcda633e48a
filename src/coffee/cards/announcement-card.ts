// Posted in the channel when a programme is set up: what it is, how it works, and Join / Leave buttons.
import { card, type Card } from '../../core/card';
import { mention, type Person } from '../../core/model';
import type { ProgrammeSettings } from '../settings';
import { formatDayTime, groupsInWords, scheduleInWords } from './dates';
import { COFFEE_ACTIONS } from './ids';
import { capitalised, countOf, PROGRAMME_NAME } from './wording';

export interface AnnouncementInput {
  organiser: Person;
  channelName?: string;
  settings: ProgrammeSettings;
  nextRound: Date;
  members: number;
}

function howItWorks(settings: ProgrammeSettings): string {
  const lines = [
    `• ${capitalised(scheduleInWords(settings))}, I match everyone who has joined into ${groupsInWords(settings.groupSize)}` +
      (settings.preferDifferentTeams ? ', mixing teams where I can.' : '.'),
    '• I introduce each group in a private chat' +
      (settings.prompts ? ', with a suggested time and a question to get you talking.' : ' and suggest a time.'),
    `• You then have ${countOf(settings.weeksToMeet, 'week')} to find 30 minutes to meet, in person or online.`,
  ];
  if (settings.reminder) lines.push('• Halfway through, I send a gentle reminder.');
  if (settings.feedback) lines.push('• At the end, I ask whether you met and share how the round went in this channel.');
  return lines.join('\n');
}

function membersLine(members: number): string {
  if (members === 0) return 'Nobody has joined yet, so you could be the first.';
  return `${countOf(members, 'person has', 'people have')} joined so far.`;
}

export function announcementCard(input: AnnouncementInput): Card {
  const where = input.channelName === undefined ? 'this channel' : `#${input.channelName}`;
  const intro =
    `${mention(input.organiser)} has started ${PROGRAMME_NAME} in ${where}: a simple way to meet colleagues ` +
    "you might not otherwise cross paths with, over a 30-minute coffee. Each round you're matched with someone new.";
  const next = `The next round starts on ${formatDayTime(input.nextRound, input.settings.timeZone)}.`;
  const optIn =
    `It's opt-in: only people who press Join are included, and you can leave or pause at any time. ` + membersLine(input.members);
  return card(
    `${intro} ${next}`,
    { type: 'heading', text: PROGRAMME_NAME },
    { type: 'paragraph', text: intro },
    { type: 'paragraph', text: `How it works:\n${howItWorks(input.settings)}` },
    { type: 'paragraph', text: next },
    { type: 'context', text: optIn },
    {
      type: 'buttons',
      buttons: [
        { action: COFFEE_ACTIONS.join, label: 'Join', style: 'primary' },
        { action: COFFEE_ACTIONS.leave, label: 'Leave' },
      ],
    },
  );
}
