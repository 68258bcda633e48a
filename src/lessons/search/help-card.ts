// /lessons help: how to search the library, one line for each way of narrowing it.
import { card, type Card } from '../../core/card';

const WAYS: readonly [string, string][] = [
  ['/lessons', 'the newest lessons in your organisation'],
  ['/lessons printer queue', 'lessons that mention those words'],
  ['/lessons "printer queue"', 'the words together, as a phrase'],
  ['/lessons printer -paper', 'leave out lessons that mention paper'],
  ['/lessons handover or huddle', 'either word'],
  ['/lessons #handover', 'lessons with that tag'],
  ['/lessons technique:after-action-review', 'lessons from one technique'],
  ['/lessons since:2026-01-31', 'lessons saved on or after that day'],
  ['/lessons status:approved', 'lessons at that stage: draft, validated, approved or applied'],
];

export function helpCard(): Card {
  const intro =
    'The library holds the lessons your organisation has saved from its reviews. Search it before you start something, ' +
    'so you can learn from teams who have done it before. Only you see the results.';
  const list = WAYS.map(([command, what]) => `• ${command} — ${what}`).join('\n');
  const more = 'You can mix them, for example: /lessons "printer queue" #handover since:2026-01-31. Open a lesson to see all of it and what has happened to it.';
  return card(
    `${intro}\n${list}\n${more}`,
    { type: 'heading', text: 'Searching the lessons library' },
    { type: 'paragraph', text: intro },
    { type: 'paragraph', text: list },
    { type: 'context', text: more },
  );
}
