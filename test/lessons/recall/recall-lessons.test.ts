// recallLessons against a real database: what the team is shown for "what can we learn from similar past work?".
import type { Block, Button, Card } from '../../../src/core/card';
import type { Outgoing } from '../../../src/core/flow';
import type { Place } from '../../../src/core/model';
import { isValidNhsNumber } from '../../../src/privacy';
import { recallLessons, searchableAbout } from '../../../src/lessons/recall/recall-lessons';
import { migrate } from '../../../src/store/migrate';
import { dbKinds, freshDatabase, type TestDatabase } from '../../support/databases';
import { insertChatLessons, insertReviewRun, insertSpreadsheetLesson } from './recall-library';

const now = new Date('2026-11-20T10:00:00Z');
const ABOUT = 'Go-live of e-prescribing on the renal ward. We want pharmacy cover on the night shift and a clear escalation route.';
const NHS_NUMBER = '401 023 2137';

const textOf = (card: Card): string => card.blocks.map((b) => ('text' in b ? b.text : '')).join('\n');
const buttonsOf = (card: Card): Button[] => card.blocks.flatMap((b: Block) => (b.type === 'buttons' ? b.buttons : []));

function onlyPost(out: Outgoing[]): Extract<Outgoing, { kind: 'post' }> {
  expect(out).toHaveLength(1);
  const [post] = out;
  if (post?.kind !== 'post') throw new Error(`expected a post, got ${JSON.stringify(post)}`);
  return post;
}

describe.each(dbKinds)('recalling lessons into a Before Action Review (%s Postgres)', (kind) => {
  let t: TestDatabase;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await freshDatabase(kind);
    await migrate(t.db);
    ids = await insertChatLessons(t.db, 'T1', [
      {
        title: 'Agree pharmacy cover before an e-prescribing go-live',
        recommendation: 'Book a pharmacist for every night shift of the first go-live week',
        observation: 'Nurses on the night shift had nobody to ask about e-prescribing',
        contributors: ['U1', 'U2'],
        at: '2026-03-01T09:00:00Z',
      },
      {
        title: 'Write the escalation route on the ward board',
        recommendation: 'Put the escalation route for go-live problems on the ward board',
        contributors: ['U1'],
        at: '2026-04-01T09:00:00Z',
      },
      { title: 'Label the drug trolley', recommendation: 'Label every drawer', contributors: ['U3'], at: '2026-05-01T09:00:00Z' },
      { title: 'Check the NHS number on the wristband', recommendation: 'Read the NHS number aloud at every handover', contributors: ['U3'], at: '2026-05-02T09:00:00Z' },
    ]);
    await insertSpreadsheetLesson(t.db, 'T1', 'Pharmacy rota for go-live weekends', 'Ask pharmacy for weekend cover before any go-live', ['Priya Shah', 'Tom Reed']);
    // Another organisation, the very same words.
    await insertChatLessons(t.db, 'T2', [
      { title: 'Secret pharmacy go-live lesson of another trust', recommendation: 'Pharmacy cover for the e-prescribing go-live night shift', contributors: ['U1'], at: '2026-06-01T09:00:00Z' },
    ]);
  });
  afterAll(() => t.drop());

  async function recall(tenant: string, about: string): Promise<{ runId: string; place: Place; post: Extract<Outgoing, { kind: 'post' }> }> {
    const { runId, place } = await insertReviewRun(t.db, tenant);
    const out = await t.db.transaction((tx) => recallLessons(tx, { tenant, runId, place, about, key: 'bar:recall' }, now));
    return { runId, place, post: onlyPost(out) };
  }

  const recalled = async (runId: string): Promise<string[]> =>
    (await t.db.query('SELECT lesson_id FROM lesson_recalls WHERE run_id = $1 ORDER BY position', [runId])).map((r) => String(r.lesson_id));

  it('posts the most relevant lessons in the thread, each with who gave it, a link back and feedback buttons', async () => {
    const { runId, post } = await recall('T1', ABOUT);
    expect(post).toMatchObject({ kind: 'post', in: 'thread', key: 'bar:recall' });
    const text = textOf(post.card);
    expect(post.card.blocks[0]).toEqual({ type: 'heading', text: 'Lessons from similar past work' });
    expect(post.card.blocks[1]).toEqual({
      type: 'paragraph',
      text: '*1. Agree pharmacy cover before an e-prescribing go-live*\nBook a pharmacist for every *night* *shift* of the first *go*-*live* week. Nurses on the *night* *shift* had nobody to ask about *e*-*prescribing*',
    });
    expect(text).toMatch(/From <@U1>, <@U2> · draft · 2026-03-01 · https:\/\/example\.slack\.com\/archives\/C7\/p0/);
    expect(text).toMatch(/Pharmacy rota for go-live weekends/);
    expect(text).toMatch(/From Priya Shah, Tom Reed · approved · 2025-06-01(?! ·)/);
    expect(text).toMatch(/Write the escalation route on the ward board/);
    expect(text).not.toMatch(/drug trolley|another trust/);
    expect(post.card.text).toMatch(
      /^Lessons from similar past work: 1\. Agree pharmacy cover before an e-prescribing go-live; 2\. Pharmacy rota for go-live weekends; 3\. Write the escalation route on the ward board\. /,
    );

    const shown = await recalled(runId);
    expect(shown).toHaveLength(3);
    expect(shown[0]).toBe(ids['Agree pharmacy cover before an e-prescribing go-live']);
    expect(buttonsOf(post.card)).toEqual(
      shown.flatMap((lessonId) => [
        { action: 'lessons:recall:useful', label: 'Useful', value: `${runId}:${lessonId}` },
        { action: 'lessons:recall:not-relevant', label: 'Not relevant', value: `${runId}:${lessonId}` },
      ]),
    );
  });

  it('names who has done this before, with how many of the reviews and lessons behind these lessons each gave', async () => {
    const { post } = await recall('T1', ABOUT);
    const blocks = post.card.blocks;
    const who = blocks.findIndex((b) => b.type === 'heading' && b.text === 'Who has done this before');
    expect(who).toBeGreaterThan(0);
    // U3 took part in the same review, though none of U3's lessons is among these.
    expect(blocks[who + 1]).toEqual({
      type: 'paragraph',
      text:
        '• <@U1>: 1 review, 2 lessons\n• <@U2>: 1 review, 1 lesson\n• Priya Shah: 1 lesson\n• Tom Reed: 1 lesson\n• <@U3>: 1 review\n' +
        'They may be worth a quick chat before you start.',
    });
    expect(post.card.text).toMatch(/Who has done this before: <@U1>: 1 review, 2 lessons; <@U2>: 1 review, 1 lesson;/);
  });

  it('counts distinct reviews and distinct lessons per person, from who took part and whose words each lesson is', async () => {
    // Two reviews: in the first, U5 facilitated and U6 answered only what became someone else's lessons.
    await insertChatLessons(t.db, 'who', [
      { title: 'Pharmacy cover for go-live nights', recommendation: 'Book pharmacy cover', contributors: ['U1'], at: '2026-03-01T09:00:00Z' },
      { title: 'Pharmacy escalation for go-live', recommendation: 'Escalate to pharmacy', contributors: ['U1', 'U2'], at: '2026-03-01T09:00:00Z' },
    ], ['U5', 'U1', 'U2', 'U6']);
    await insertChatLessons(t.db, 'who', [
      { title: 'Pharmacy rota for the go-live weekend', recommendation: 'Rota pharmacy', contributors: ['U1'], at: '2026-04-01T09:00:00Z' },
    ], ['U7', 'U1']);
    const { post } = await recall('who', 'pharmacy go-live');
    const who = post.card.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Who has done this before');
    const block = post.card.blocks[who + 1];
    const lines = (block?.type === 'paragraph' ? block.text : '').split('\n');
    expect(lines).toEqual([
      '• <@U1>: 2 reviews, 3 lessons',
      '• <@U2>: 1 review, 1 lesson',
      expect.stringMatching(/^• <@U[567]>: 1 review$/),
      expect.stringMatching(/^• <@U[567]>: 1 review$/),
      expect.stringMatching(/^• <@U[567]>: 1 review$/),
      'They may be worth a quick chat before you start.',
    ]);
    expect(new Set(lines.slice(2, 5))).toEqual(new Set(['• <@U5>: 1 review', '• <@U6>: 1 review', '• <@U7>: 1 review']));
  });

  it('shows at most five lessons', async () => {
    await insertChatLessons(t.db, 'many', Array.from({ length: 8 }, (_, i) => ({ title: `Sharps bin lesson ${i}`, recommendation: 'Empty the sharps bin', contributors: ['U1'], at: `2026-01-0${i + 1}T09:00:00Z` })));
    const { runId, post } = await recall('many', 'sharps bins on the new ward');
    expect(await recalled(runId)).toHaveLength(5);
    expect(buttonsOf(post.card)).toHaveLength(10);
    expect(textOf(post.card)).toMatch(/<@U1>: 1 review, 5 lessons/);
  });

  it('says the library has nothing similar yet, and where else to ask, when nothing matches', async () => {
    const { runId, post } = await recall('T1', 'Moving the outpatient clinic to the new building');
    const text = textOf(post.card);
    expect(text).toMatch(/nothing similar yet/);
    expect(text).toMatch(/community of practice/);
    expect(text).toMatch(/library and knowledge service/);
    expect(text).toMatch(/After Action Review/);
    expect(buttonsOf(post.card)).toEqual([]);
    expect(await recalled(runId)).toEqual([]);
  });

  it('says the same for a review of stop words only, without an error', async () => {
    const { post } = await recall('T1', 'What are we doing and why?');
    expect(textOf(post.card)).toMatch(/nothing similar yet/);
  });

  it('searches with patient identifiers masked, and never for the mask itself', async () => {
    expect(isValidNhsNumber(NHS_NUMBER.replace(/ /g, ''))).toBe(true);
    await insertSpreadsheetLesson(t.db, 'T1', 'Follow-up for 4010232137', 'Call back within a day', ['Sam']);
    expect(searchableAbout(`Follow up patient ${NHS_NUMBER} at home`)).not.toMatch(/401|NHS/);
    // "NHS number" is in a lesson's title, yet neither the identifier nor the words of its mask find anything.
    const { post } = await recall('T1', `Patient ${NHS_NUMBER}`);
    expect(textOf(post.card)).toMatch(/nothing similar yet/);
  });

  it("keeps each organisation to its own library", async () => {
    const { post } = await recall('T2', ABOUT);
    const text = textOf(post.card);
    expect(text).toMatch(/another trust/);
    expect(text).not.toMatch(/Agree pharmacy cover before an e-prescribing go-live|Priya Shah/);
  });
});
