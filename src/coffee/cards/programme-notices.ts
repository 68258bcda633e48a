// Short replies about the programme itself: who organises it, whether there is one, setup and stop.
import { card, type Card } from '../../core/card';
import { mention, type Person } from '../../core/model';
import type { ProgrammeSettings } from '../settings';
import { formatDayTime, groupsInWords, scheduleInWords } from './dates';
import { notice } from './notice';
import { capitalised, countOf, PROGRAMME_NAME } from './wording';

export function notOrganiserCard(organiser: Person): Card {
  return notice(`Only ${mention(organiser)}, who organises ${PROGRAMME_NAME} here, can do that.`);
}

export function noProgrammeCard(): Card {
  return notice(
    `There's no ${PROGRAMME_NAME} programme in this channel yet.`,
    'Anyone in the channel can start one with /coffee setup, and becomes its organiser.',
  );
}

export function programmeExistsCard(organiser: Person): Card {
  return notice(
    `This channel already has ${PROGRAMME_NAME}, organised by ${mention(organiser)}.`,
    'Type /coffee join to take part, or /coffee status to see when the next round is.',
  );
}

export function programmeStoppedCard(organiser: Person): Card {
  return notice(
    `${mention(organiser)} has ended ${PROGRAMME_NAME} in this channel, so there will be no more rounds. ` +
      'Thank you to everyone who took part.',
    'Anyone already matched is still welcome to meet.',
  );
}

export function setupSavedCard(input: { settings: ProgrammeSettings; nextRound: Date }): Card {
  const { settings } = input;
  const schedule =
    `Saved. ${capitalised(scheduleInWords(settings))}, I'll match everyone who has joined into ${groupsInWords(settings.groupSize)}, ` +
    `with ${countOf(settings.weeksToMeet, 'week')} to meet.`;
  return notice(`${schedule} The next round starts on ${formatDayTime(input.nextRound, settings.timeZone)}.`);
}

export function setupProblemsCard(problems: readonly string[]): Card {
  const intro = "I couldn't save those settings:";
  const list = problems.map((problem) => `• ${problem}`).join('\n');
  return card(`${intro}\n${list}`, { type: 'paragraph', text: intro }, { type: 'paragraph', text: list }, {
    type: 'context',
    text: 'Type /coffee setup to try again.',
  });
}

export function invalidCommandCard(message: string): Card {
  return notice(message, 'Type /coffee help to see everything I can do.');
}
