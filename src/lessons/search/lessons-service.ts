// `/lessons <words>` searches the organisation's library and answers only the person who asked; the buttons
// and forms on lessons (lifecycle, actions, recall feedback) go to the handler whose prefix they carry.
import type { Card } from '../../core/card';
import type { CommandService, ServiceReply } from '../../core/command-service';
import type { Inbound } from '../../core/model';
import { organisationOf } from '../../core/organisation';
import type { Sql } from '../../store/db';
import { searchLessons } from '../../store/lesson-search';
import { actionHandler } from '../actions/action-handler';
import type { LessonsHandler } from '../lessons-handler';
import { lifecycleHandler } from '../lifecycle/lifecycle-handler';
import { broaderQuery, describeLessonQuery, parseLessonQuery } from '../parse-lesson-query';
import { feedbackHandler } from '../recall/feedback-handler';
import { helpCard } from './help-card';
import { isEmptyQuery, toCommandText } from './query-text';
import { noLessonsYetCard, nothingFoundCard, resultsCard, searchProblemCard } from './results-card';

const RESULTS = 5;
const HANDLERS: readonly LessonsHandler[] = [lifecycleHandler, actionHandler, feedbackHandler];

async function search(tx: Sql, event: Extract<Inbound, { kind: 'command' }>): Promise<ServiceReply> {
  const answer = (card: Card): ServiceReply => ({ say: [{ kind: 'whisper', to: event.from, card }] });
  const parsed = parseLessonQuery(event.text);
  if (!parsed.ok) return answer(searchProblemCard(parsed.problem));
  const { query } = parsed;
  // Every search stays inside the asker's own organisation.
  const hits = await searchLessons(tx, organisationOf(event), query, RESULTS);
  const everything = isEmptyQuery(query);
  if (hits.length > 0) return answer(resultsCard(everything ? 'The newest lessons' : `Lessons for ${describeLessonQuery(query)}`, hits));
  if (everything) return answer(noLessonsYetCard());
  const broader = broaderQuery(query);
  return answer(nothingFoundCard(describeLessonQuery(query), broader && toCommandText(broader)));
}

export const lessonsService: CommandService = {
  command: 'lessons',
  prefix: 'lessons:',
  help: helpCard,
  formChecks: Object.fromEntries(HANDLERS.flatMap((h) => Object.entries(h.formChecks ?? {}))),
  async handle(tx: Sql, event: Inbound, now: Date): Promise<ServiceReply> {
    if (event.kind === 'command') return search(tx, event);
    if (event.kind !== 'action' && event.kind !== 'form') return { say: [] };
    const id = event.kind === 'action' ? event.action : event.form;
    const handler = HANDLERS.find((h) => id.startsWith(h.prefix));
    return handler ? handler.handle(tx, event, now) : { say: [] };
  },
};
