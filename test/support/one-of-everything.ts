// One organisation (T1) with something real behind every kind of id a button or form can name, and an engine running
// every flow and service over it: for tests that press every id in the code.
import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../../src/coffee/settings';
import type { Person, Place } from '../../src/core/model';
import { Engine } from '../../src/engine/engine';
import { recallLessons } from '../../src/lessons/recall/recall-lessons';
import { createLogger } from '../../src/log';
import { allFlows, allServices } from '../../src/main';
import { joinProgramme } from '../../src/store/coffee/members';
import { insertProgramme } from '../../src/store/coffee/programmes';
import { insertRound, recordAnswer } from '../../src/store/coffee/rounds';
import { activeCommunityAt } from '../../src/store/communities';
import { insertAction } from '../../src/store/lesson-actions';
import { recordRecalls } from '../../src/store/lesson-recall';
import { migrate } from '../../src/store/migrate';
import { insertChatLessons } from '../lessons/recall/recall-library';
import { freshDatabase, type DbKind, type TestDatabase } from './databases';
import { command, person } from './events';
import { RecordingChat } from './recording-chat';

export const NOW = new Date('2026-11-21T10:00:00Z');
export const ALEX = person('alex');
export const C1: Place = { platform: 'console', tenant: 'T1', channel: 'C1' };

export interface RealIds {
  programme: string;
  lesson: string;
  action: string;
  recallRun: string;
  community: string;
}

export interface OneOfEverything {
  t: TestDatabase;
  chat: RecordingChat;
  engine: Engine;
  /** Every log line, parsed; tests empty it between presses. */
  logged: { level: string; msg: string }[];
  ids: RealIds;
  aarThread: string;
  barThread: string;
}

/** A review, a BAR with a recall, a community, a coffee round with an answer, a lesson and its action, all alex's or open to alex. */
export async function oneOfEverything(kind: DbKind): Promise<OneOfEverything> {
  const t = await freshDatabase(kind, 6);
  await migrate(t.db);
  const chat = new RecordingChat();
  const logged: { level: string; msg: string }[] = [];
  const log = createLogger('debug', (line) => logged.push(JSON.parse(line) as { level: string; msg: string }));
  const engine = new Engine({ db: t.db, flows: allFlows, services: allServices, chat: () => chat, clock: () => NOW, log, recall: recallLessons });
  const startRun = async (name: string, text: string): Promise<string> => {
    const before = chat.sent.length;
    await engine.handle(command(name, text));
    const parent = chat.sent.slice(before).find((s) => s.op === 'post');
    if (parent?.op !== 'post') throw new Error(`no parent post for /${name}`);
    return parent.id;
  };

  const aarThread = await startRun('aar', 'Ward 9 handover');
  const barThread = await startRun('bar', 'Winter rota');
  await engine.handle(command('cop', 'create Sepsis champions #sepsis'));
  const community = (await activeCommunityAt(t.db, 'console:T1:C1'))?.id ?? '';
  const programme = randomUUID();
  const sam: Person = { ...ALEX, id: 'sam', name: 'sam' };
  await insertProgramme(t.db, { id: programme, tenant: 'T1', place: C1, organiser: ALEX, settings: DEFAULT_SETTINGS, anchor: { round: 1, at: NOW }, status: 'active', placeKey: 'console:T1:C1' }, NOW);
  for (const p of [ALEX, sam]) await joinProgramme(t.db, programme, p, NOW);
  await insertRound(t.db, { programmeId: programme, round: 1, startsAt: NOW, seed: 1, sittingOut: [], repeats: 0 }, [['alex', 'sam']], NOW);
  await recordAnswer(t.db, 'T1', { programmeId: programme, round: 1, personId: 'alex', answer: 'yes' }, NOW);
  const lessons = await insertChatLessons(t.db, 'T1', [{ title: 'Label the trolley', recommendation: 'Label it', contributors: ['sam'], at: '2026-11-01T10:00:00Z' }]);
  const lesson = lessons['Label the trolley'] ?? '';
  const action = await insertAction(t.db, { tenant: 'T1', lessonId: lesson, place: C1, text: 'Buy labels', owner: ALEX, dueOn: '2026-12-01', remindAt: NOW, timeZone: 'Europe/London', createdBy: ALEX }, NOW);
  const [run] = await t.db.query(`SELECT id FROM flow_runs WHERE flow = 'before-action-review'`);
  const recallRun = String(run?.id);
  await recordRecalls(t.db, recallRun, 'T1', [lesson], NOW);
  return { t, chat, engine, logged, ids: { programme, lesson, action, recallRun, community }, aarThread, barThread };
}

