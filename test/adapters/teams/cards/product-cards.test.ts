// The product's real cards and forms, rendered for Teams, all pass the Adaptive Card check.
import type { Card, FormSpec } from '../../../../src/core/card';
import type { Person } from '../../../../src/core/model';
import { renderCard, renderForm } from '../../../../adapters/teams/cards';
import { closedQuestionCard, openQuestionCard } from '../../../../flows/after-action-review/question-card';
import { overviewCard } from '../../../../flows/after-action-review/overview-card';
import { summaryCard } from '../../../../flows/after-action-review/summary-card';
import { editLessonForm } from '../../../../flows/after-action-review/lesson-edits';
import { proposalsOf } from '../../../../flows/after-action-review/proposals';
import type { AarState } from '../../../../flows/after-action-review/state';
import { announcementCard, commentForm, feedbackCard, introCard } from '../../../../src/coffee/cards';
import { helpCard as coffeeHelpCard } from '../../../../src/coffee/cards/help-card';
import { DEFAULT_SETTINGS } from '../../../../src/coffee/settings';
import { setupForm } from '../../../../src/coffee/setup-form';
import type { Lesson } from '../../../../src/lessons/lesson';
import { resultsCard } from '../../../../src/lessons/search/results-card';
import { helpCard as lessonsHelpCard } from '../../../../src/lessons/search/help-card';
import { recalledLessonsCard } from '../../../../src/lessons/recall/recall-card';
import { addActionForm, evidenceForm } from '../../../../src/lessons/actions/forms';
import { appliedForm, editForm } from '../../../../src/lessons/lifecycle/forms';
import { helpCard as communityHelpCard } from '../../../../src/communities/cards/help-card';
import { reviewCard } from '../../../../src/communities/cards/review-card';
import { adaptiveCardProblems } from '../../../support/adaptive-card-check';
import { ALICE, asCard, BOB, contextWith } from './render-context';

const alice: Person = { platform: 'teams', tenant: 't1', id: ALICE, name: 'Alice Smith' };
const bob: Person = { platform: 'teams', tenant: 't1', id: BOB, name: 'Bob Jones' };
const at = '2026-03-02T10:00:00.000Z';

const state = (phase: AarState['phase']): AarState => ({
  title: 'Ward 7 *handover*',
  facilitator: alice,
  question: 3,
  phase,
  answers: [
    { messageId: 'm1', question: 0, author: alice, text: 'A calm handover at 8.', flagged: false, at },
    { messageId: 'm2', question: 3, author: bob, text: 'Use the *checklist* every time\nand read it aloud.', flagged: false, at },
    { messageId: 'm3', question: 3, author: alice, text: 'Ask [name] first', flagged: true, at },
  ],
  proposalEdits: [{ key: 'm3', dropped: true }],
});

const lesson: Lesson = {
  id: 'lesson-1',
  title: 'Read the handover checklist aloud',
  recommendation: 'Read the checklist aloud at every handover.',
  observation: 'Items were missed.',
  reason: 'Nobody owned the list.',
  technique: 'after-action-review',
  tags: ['handover'],
  status: 'approved',
  contributors: [{ id: ALICE }, { id: BOB }],
  source: { platform: 'teams', tenant: 't1', channel: '19:c@thread.tacv2', thread: 'r1', url: 'https://teams.microsoft.com/l/message/x' },
  createdAt: at,
};

function fail(message: string): never {
  throw new Error(message);
}

const cards: [string, Card][] = [
  ['AAR open question', openQuestionCard(0)],
  ['AAR closed question', closedQuestionCard(2, 5)],
  ['AAR overview', overviewCard('Ward 7 handover', alice, { kind: 'saved', lessons: 2 })],
  ['AAR summary in review', summaryCard(state('review'), 'review')],
  ['AAR summary saved', summaryCard(state('saved'), 'saved')],
  ['coffee intro', introCard({ people: [alice, bob], round: 3, meetBy: new Date(at), suggested: { start: new Date(at), end: new Date('2026-03-02T10:30:00Z') }, prompt: 'A book you liked', timeZone: 'Europe/London', channel: '19:c@thread.tacv2' })],
  ['coffee announcement', announcementCard({ organiser: alice, channelName: 'coffee', settings: DEFAULT_SETTINGS, nextRound: new Date(at), members: 12 })],
  ['coffee feedback', feedbackCard({ programmeId: 'p1', round: 3, others: [bob] })],
  ['coffee help', coffeeHelpCard()],
  ['lessons help', lessonsHelpCard()],
  ['lesson search results', resultsCard('Lessons about handover', [{ lesson, snippet: 'Read the *checklist* aloud', rank: 0.5 }])],
  ['lesson recall', recalledLessonsCard('run-1', [{ lesson, snippet: 'the *handover* list', score: 1 }])],
  ['community help', communityHelpCard()],
  ['community review', reviewCard({ id: 'c1', name: 'Handover', tags: ['handover'], channel: '19:c@thread.tacv2', weeks: 8 })],
  [
    'a meeting offer',
    { text: 'Meet', blocks: [{ type: 'paragraph', text: `Meet <@${BOB}>` }, { type: 'meet', people: [alice, bob], topic: 'Coffee', start: at }] },
  ],
];

const forms: [string, FormSpec][] = [
  ['AAR lesson edit', editLessonForm(proposalsOf(state('review'))[0] ?? fail('expected a proposal'))],
  ['coffee setup', setupForm(DEFAULT_SETTINGS)],
  ['coffee comment', commentForm({ programmeId: 'p1', round: 3 })],
  ['add an action', addActionForm('lesson-1', 'Read it aloud', ALICE)],
  ['action done', evidenceForm('action-1')],
  ['lesson applied', appliedForm(lesson)],
  ['lesson edit', editForm(lesson)],
];

const ctx = contextWith({ chat: 'https://teams.microsoft.com/l/chat/0/0?users=a@x,b@x', meeting: 'https://teams.microsoft.com/l/meeting/new?subject=Coffee' }, { '19:c@thread.tacv2': 'handover' });

describe('the product’s cards on Teams', () => {
  it.each(cards)('%s renders as a valid Adaptive Card', (_name, card) => {
    const message = asCard(renderCard(card, ctx));
    expect(adaptiveCardProblems(message.attachments[0].content)).toEqual([]);
    expect(message.attachments[0].content.body.length).toBeGreaterThan(0);
  });

  it.each(forms)('the %s form renders as a valid Adaptive Card', (_name, form) => {
    const message = renderForm(form, ctx);
    expect(adaptiveCardProblems(message.attachments[0].content)).toEqual([]);
  });

  it('shows the AAR summary with its people mentioned and its buttons', () => {
    const json = asCard(renderCard(summaryCard(state('review'), 'review'), ctx)).attachments[0].content;
    expect(json.msteams.entities?.map((e) => e.mentioned.name)).toEqual(['Alice Smith', 'Bob Jones']);
    expect(JSON.stringify(json)).toContain('**checklist**');
  });
});
