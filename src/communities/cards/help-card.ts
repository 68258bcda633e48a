// /cop help: what a community of practice is here, and every command, one line each.
import { card, type Card } from '../../core/card';

const COMMANDS: readonly [string, string][] = [
  ['/cop create <name> #tag #tag', 'make this channel a community; its tags are its domain, and you look after it'],
  ['/cop status', 'see the community, its owner, its tags and when the next digest comes'],
  ['/cop tags #tag #tag', 'change the domain (owner)'],
  ['/cop owner @person', 'hand the community to someone else (owner)'],
  ['/cop co-owner @person', 'add someone to look after it with you, so a lesson one of you wrote can be approved by the other (owner)'],
  ['/cop co-owner remove @person', 'take a co-owner off (owner)'],
  ['/cop digest friday 16:00', 'change the digest day and time, optionally with a time zone (owner)'],
  ['/cop archive', 'close the community and stop its digest; its lessons stay in the library (owner)'],
  ['/cop help', 'show this list'],
];

export function helpCard(): Card {
  const intro =
    'A community of practice is a group of people who share a domain, such as #sepsis or #discharge, and learn from each other. ' +
    'Here, a channel becomes one: every week I post a digest of the new and newly approved lessons with its tags, the actions due, ' +
    'the lessons people found most useful and who contributed.';
  const list = COMMANDS.map(([command, what]) => `• ${command} — ${what}`).join('\n');
  return card(`${intro}\n${list}`, { type: 'heading', text: 'Communities of practice' }, { type: 'paragraph', text: intro }, { type: 'paragraph', text: list });
}
