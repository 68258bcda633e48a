// Mobilise's own organisations through the engine: two Teams teams in one Entra tenant (NHSmail) keep apart, and two
// Slack workspaces joined to one organisation share its library.
import { randomUUID } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../../src/coffee/settings';
import { STALE_BUTTON_TEXT } from '../../src/core/button-value';
import type { Inbound, Person, Place } from '../../src/core/model';
import { Engine } from '../../src/engine/engine';
import { recallLessons } from '../../src/lessons/recall/recall-lessons';
import { createLogger } from '../../src/log';
import { allFlows, allServices } from '../../src/main';
import { joinOrganisation } from '../../src/organisations/join';
import { registerOrganisation } from '../../src/organisations/register';
import { joinProgramme } from '../../src/store/coffee/members';
import { insertProgramme } from '../../src/store/coffee/programmes';
import { insertRound, recordAnswer } from '../../src/store/coffee/rounds';
import { migrate } from '../../src/store/migrate';
import { insertChatLessons } from '../lessons/recall/recall-library';
import { dbKinds, freshDatabase, type TestDatabase } from '../support/databases';
import { nextId } from '../support/events';
import { RecordingChat } from '../support/recording-chat';

const NOW = new Date('2026-11-21T10:00:00Z');
const NHSMAIL = '37c354b2-85b0-47f5-b222-07b48d774ee3';
const TEAM_A = '19:team-a-general@thread.tacv2';
const TEAM_B = '19:team-b-general@thread.tacv2';

/** A channel of a team, as the Teams adapter hands it on: the Entra tenant to send with, the team to count in. */
const inTeam = (team: string, channel: string): Place => ({ platform: 'teams', tenant: NHSMAIL, channel, scope: team });
/** Someone's own chat with Mobilise; `lastTeam` is the team they were last seen in, if any. */
const chatOf = (who: Person, lastTeam?: string): Place => ({ platform: 'teams', tenant: NHSMAIL, channel: `a:${who.id}`, ...(lastTeam ? { scope: lastTeam } : {}) });
const teamsPerson = (id: string): Person => ({ platform: 'teams', tenant: NHSMAIL, id: `29:${id}`, name: id });
const slackPlace = (workspace: string): Place => ({ platform: 'slack', tenant: workspace, channel: 'C1' });
const slackPerson = (workspace: string): Person => ({ platform: 'slack', tenant: workspace, id: 'U1', name: 'alex' });

describe.each(dbKinds)('organisations through the engine on %s Postgres', (kind) => {
  let t: TestDatabase;
  let chat: RecordingChat;
  let engine: Engine;
  const errors: string[] = [];

  beforeAll(async () => {
    t = await freshDatabase(kind, 4);
    await migrate(t.db);
    chat = new RecordingChat();
    const log = createLogger('debug', (line) => {
      const parsed = JSON.parse(line) as { level: string; msg: string };
      if (parsed.level === 'error') errors.push(parsed.msg);
    });
    engine = new Engine({ db: t.db, flows: allFlows, services: allServices, chat: () => chat, clock: () => NOW, log, recall: recallLessons });
  });
  afterAll(() => t.drop());
  afterEach(() => expect(errors).toEqual([]));

  /** What `from` was whispered in answer to the event. */
  async function whispered(event: Inbound & { from: Person }): Promise<string> {
    const before = chat.sent.length;
    await engine.handle(event);
    return chat.sent
      .slice(before)
      .map((s) => (s.op === 'whisper' && s.to.id === event.from.id ? s.card.text : ''))
      .join('\n');
  }

  const search = (words: string, from: Person, place: Place): Promise<string> =>
    whispered({ kind: 'command', name: 'lessons', text: words, from, place, deliveryId: nextId('cmd') });

  describe('two Teams teams in one Entra tenant', () => {
    const alex = teamsPerson('alex');
    const sam = teamsPerson('sam');

    beforeAll(async () => {
      await insertChatLessons(t.db, TEAM_A, [{ title: 'Label the drug trolley', recommendation: 'Label every drawer', contributors: ['29:alex'], at: '2026-11-01T10:00:00Z' }]);
    });

    it("search finds a team's own lessons, and nothing of another team's", async () => {
      expect(await search('trolley', alex, inTeam(TEAM_A, 'chan-a'))).toContain('Label the drug trolley');
      expect(await search('trolley', sam, inTeam(TEAM_B, 'chan-b'))).not.toContain('Label the drug trolley');
      expect(await search('', sam, inTeam(TEAM_B, 'chan-b'))).not.toContain('Label the drug trolley');
    });

    it('a chat counts in the team its speaker was last seen in; someone never seen in a team sees neither', async () => {
      expect(await search('trolley', alex, chatOf(alex, TEAM_A))).toContain('Label the drug trolley');
      expect(await search('trolley', sam, chatOf(sam, TEAM_B))).not.toContain('Label the drug trolley');
      expect(await search('trolley', sam, chatOf(sam))).not.toContain('Label the drug trolley');
    });

    it("what a team starts is kept under the team, not the shared tenant", async () => {
      await engine.handle({ kind: 'command', name: 'cop', text: 'create Medicines safety #medicines', from: alex, place: inTeam(TEAM_A, 'chan-a'), deliveryId: nextId('cmd') });
      await engine.handle({ kind: 'command', name: 'aar', text: 'Ward 9 go-live', from: sam, place: inTeam(TEAM_B, 'chan-b'), deliveryId: nextId('cmd') });
      expect(await t.db.query(`SELECT tenant FROM communities WHERE place->>'platform' = 'teams'`)).toEqual([{ tenant: TEAM_A }]);
      expect(await t.db.query(`SELECT tenant FROM flow_runs WHERE place->>'platform' = 'teams'`)).toEqual([{ tenant: TEAM_B }]);
    });

    it("one team's coffee programme cannot be answered from another team", async () => {
      const programme = randomUUID();
      const place = inTeam(TEAM_A, 'chan-coffee');
      await insertProgramme(t.db, { id: programme, tenant: TEAM_A, place, organiser: alex, settings: DEFAULT_SETTINGS, anchor: { round: 1, at: NOW }, status: 'active', placeKey: `teams:${NHSMAIL}:chan-coffee` }, NOW);
      for (const p of [alex, sam]) await joinProgramme(t.db, programme, p, NOW);
      await insertRound(t.db, { programmeId: programme, round: 1, startsAt: NOW, seed: 1, sittingOut: [], repeats: 0 }, [[alex.id, sam.id]], NOW);
      await recordAnswer(t.db, TEAM_A, { programmeId: programme, round: 1, personId: alex.id, answer: 'yes' }, NOW);
      const answer = async (): Promise<unknown> => (await t.db.query('SELECT answer FROM coffee_answers WHERE person_id = $1', [alex.id]))[0]?.answer;
      const press = (where: Place): Promise<string> =>
        whispered({ kind: 'action', action: 'coffee:met', value: JSON.stringify({ programme, round: 1, answer: 'not-yet' }), from: alex, place: where, deliveryId: nextId('act') });

      expect(await press(inTeam(TEAM_B, 'chan-b'))).toBe(STALE_BUTTON_TEXT);
      expect(await press(chatOf(alex, TEAM_B))).toBe(STALE_BUTTON_TEXT);
      expect(await answer()).toBe('yes');
      expect(await press(chatOf(alex, TEAM_A))).not.toContain(STALE_BUTTON_TEXT);
      expect(await answer()).toBe('not-yet');
    });
  });

  describe('two Slack workspaces joined to one organisation', () => {
    beforeAll(async () => {
      await insertChatLessons(t.db, 'T1', [{ title: 'Book the porters early', recommendation: 'Book them a day ahead', contributors: ['U1'], at: '2026-11-01T10:00:00Z' }]);
    });

    it('share one library once both have joined, and an unjoined workspace still sees neither', async () => {
      expect(await search('porters', slackPerson('T2'), slackPlace('T2'))).not.toContain('Book the porters early');
      await registerOrganisation(t.db, { name: 'Royal Example NHS Trust', odsCode: 'RXH' }, NOW);
      await joinOrganisation(t.db, 'RXH', { platform: 'slack', id: 'T1' }, NOW);
      await joinOrganisation(t.db, 'RXH', { platform: 'slack', id: 'T2' }, NOW);

      expect(await search('porters', slackPerson('T1'), slackPlace('T1'))).toContain('Book the porters early');
      expect(await search('porters', slackPerson('T2'), slackPlace('T2'))).toContain('Book the porters early');
      expect(await search('porters', slackPerson('T3'), slackPlace('T3'))).not.toContain('Book the porters early');
    });

    it('keeps what a joined workspace starts under the organisation', async () => {
      await engine.handle({ kind: 'command', name: 'cop', text: 'create Porters #porters', from: slackPerson('T2'), place: slackPlace('T2'), deliveryId: nextId('cmd') });
      expect(await t.db.query(`SELECT tenant FROM communities WHERE place->>'platform' = 'slack'`)).toEqual([{ tenant: 'org:RXH' }]);
    });
  });
});
