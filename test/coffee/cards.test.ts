import type { Button, Card } from '../../src/core/card';
import type { Person } from '../../src/core/model';
import {
  alreadyInCard,
  announcementCard,
  COFFEE_ACTIONS,
  commentForm,
  feedbackAnswerSchema,
  feedbackCard,
  feedbackTargetSchema,
  feedbackThanksCard,
  helpCard,
  introCard,
  invalidCommandCard,
  joinedCard,
  leftCard,
  noProgrammeCard,
  notMemberCard,
  notOrganiserCard,
  notPausedCard,
  pausedCard,
  programmeExistsCard,
  programmeStoppedCard,
  feedbackAnswerValueSchema,
  feedbackTargetValueSchema,
  reminderCard,
  resumedCard,
  roundNoteCard,
  setupProblemsCard,
  setupSavedCard,
  sitOutCard,
  statsCard,
  statusCard,
  summaryCard,
  teamClearedCard,
  teamSetCard,
  type RoundNoteInput,
} from '../../src/coffee/cards';
import { DEFAULT_SETTINGS } from '../../src/coffee/settings';
import { blockText, cardText } from '../support/card-text';

const PROG = '3f0c2a7e-5b1d-4c8e-9a6f-1d2e3f4a5b6c';

const person = (id: string): Person => ({ platform: 'slack', tenant: 'T1', id });
const fran = person('U-FRAN');
const alex = person('U-ALEX');
const sam = person('U-SAM');

const london = 'Europe/London';
// Monday 1 December 2025, 10:00 GMT; Monday 1 June 2026, 10:00 BST.
const winterRound = new Date('2025-12-01T10:00:00Z');
const summerRound = new Date('2026-06-01T09:00:00Z');

function buttonsOf(card: Card): Button[] {
  return card.blocks.flatMap((b) => (b.type === 'buttons' ? b.buttons : []));
}

function expectTidy(card: Card): void {
  expect(card.text.trim()).not.toBe('');
  expect(card.text).not.toMatch(/undefined|NaN|\[object/);
  for (const block of card.blocks) expect(blockText(block)).not.toMatch(/undefined|NaN|\[object/);
}

describe('announcementCard', () => {
  const announcement = announcementCard({ organiser: fran, channelName: 'ward-7', settings: DEFAULT_SETTINGS, nextRound: winterRound, members: 0 });

  it('says who started it, where, and the schedule in words, in UK time', () => {
    expectTidy(announcement);
    const text = cardText(announcement);
    expect(text).toContain('<@U-FRAN>');
    expect(text).toContain('#ward-7');
    expect(text).toContain('Every 6 weeks, on Mondays at 10:00 (UK time)');
    expect(text).toContain('Monday 1 December, 10:00');
    expect(text).toMatch(/opt-in/);
  });

  it('has Join and Leave buttons', () => {
    expect(buttonsOf(announcement)).toEqual([
      { action: 'coffee:join', label: 'Join', style: 'primary' },
      { action: 'coffee:leave', label: 'Leave' },
    ]);
  });

  it('follows the settings it is given', () => {
    const quiet = { ...DEFAULT_SETTINGS, everyWeeks: 1, weeksToMeet: 1, weekday: 5, groupSize: 3 as const, reminder: false, feedback: false };
    const text = cardText(announcementCard({ organiser: fran, settings: quiet, nextRound: winterRound, members: 12 }));
    expect(text).toContain('Every week, on Fridays at 10:00');
    expect(text).toContain('groups of three');
    expect(text).toContain('1 week to find 30 minutes');
    expect(text).toContain('12 people have joined');
    expect(cardText(announcementCard({ organiser: fran, settings: quiet, nextRound: winterRound, members: 1 }))).toContain('1 person has joined');
    expect(text).toContain('this channel');
    expect(text).not.toMatch(/reminder/);
  });
});

describe('introCard', () => {
  const intro = introCard({
    people: [alex, sam, fran],
    round: 3,
    meetBy: new Date('2026-07-13T09:00:00Z'),
    suggested: { start: new Date('2026-06-03T11:30:00Z'), end: new Date('2026-06-03T12:00:00Z') },
    prompt: 'What brought you into health and care?',
    timeZone: london,
    channel: 'C123',
  });

  it('greets everyone by mention and links the channel', () => {
    expectTidy(intro);
    expect(intro.text).toContain('Hello <@U-ALEX>, <@U-SAM> and <@U-FRAN>!');
    expect(cardText(intro)).toContain('<#C123>');
    expect(cardText(intro)).toContain('round 3');
  });

  it('offers the group a way to meet, with the suggested slot, for platforms that cannot open a group chat', () => {
    expect(intro.blocks.filter((b) => b.type === 'meet')).toEqual([
      { type: 'meet', people: [alex, sam, fran], topic: 'Randomised Coffee Trials, round 3', start: '2026-06-03T11:30:00.000Z', end: '2026-06-03T12:00:00.000Z' },
    ]);
  });

  it('gives the meet-by date and suggested time in local time', () => {
    const text = cardText(intro);
    expect(text).toContain('before Monday 13 July');
    expect(text).toContain('Wednesday 3 June, 12:30 to 13:00');
  });

  it('includes the prompt when there is one, and says no reply is needed', () => {
    expect(cardText(intro)).toContain('What brought you into health and care?');
    expect(cardText(intro)).toMatch(/No need to reply here unless it helps to arrange things/);
    const without = introCard({
      people: [alex, sam],
      round: 1,
      meetBy: winterRound,
      suggested: { start: winterRound, end: winterRound },
      timeZone: london,
      channel: 'C1',
    });
    expect(without.text).toContain('Hello <@U-ALEX> and <@U-SAM>!');
    expect(cardText(without)).not.toMatch(/Something to talk about/);
  });
});

describe('roundNoteCard', () => {
  const note = (input: Omit<RoundNoteInput, 'round'>): string => roundNoteCard({ round: 3, ...input }).text;

  it('counts pairs', () => {
    expect(note({ people: 32, groups: 16, trios: 0, sittingOut: 0, groupSize: 2 })).toBe('Round 3: 32 people, 16 pairs this round.');
  });

  it('counts pairs and a trio', () => {
    expect(note({ people: 31, groups: 15, trios: 1, sittingOut: 0, groupSize: 2 })).toBe('Round 3: 31 people: 14 pairs and 1 trio this round.');
  });

  it('counts trios only', () => {
    expect(note({ people: 30, groups: 10, trios: 10, sittingOut: 0, groupSize: 3 })).toBe('Round 3: 30 people, 10 trios this round.');
    expect(note({ people: 31, groups: 11, trios: 9, sittingOut: 0, groupSize: 3 })).toBe('Round 3: 31 people: 9 trios and 2 pairs this round.');
  });

  it('says how many sit out without naming anyone', () => {
    const text = note({ people: 31, groups: 15, trios: 0, sittingOut: 1, groupSize: 2 });
    expect(text).toContain('31 people, 15 pairs this round.');
    expect(text).toContain('One person is sitting this one out');
    expect(text).not.toMatch(/<@/);
    expect(note({ people: 8, groups: 2, trios: 2, sittingOut: 2, groupSize: 3 })).toContain('2 people are sitting this one out');
  });

  it('has something kind to say when nobody can be matched', () => {
    const text = note({ people: 1, groups: 0, trios: 0, sittingOut: 1, groupSize: 2 });
    expect(text).toContain('nobody to match');
    expect(text).toContain('1 person');
  });
});

describe('sitOutCard', () => {
  it('is kind and names the next round in local time', () => {
    const card = sitOutCard({ round: 4, nextRound: summerRound, timeZone: london });
    expectTidy(card);
    expect(card.text).toContain('odd number');
    expect(card.text).toContain('first in line');
    expect(card.text).toContain('Monday 1 June, 10:00');
  });
});

describe('reminderCard', () => {
  it('nudges everyone in the group by mention, with the meet-by date', () => {
    const card = reminderCard({ people: [alex, sam], meetBy: summerRound, timeZone: london });
    expectTidy(card);
    expect(card.text).toContain('<@U-ALEX> and <@U-SAM>');
    expect(card.text).toContain('Monday 1 June');
    expect(card.blocks).toContainEqual({ type: 'meet', people: [alex, sam], topic: 'Randomised Coffee Trials' });
  });
});

describe('feedbackCard', () => {
  const card = feedbackCard({ programmeId: PROG, round: 3, others: [sam, fran] });

  it('asks about the others by mention', () => {
    expectTidy(card);
    expect(cardText(card)).toContain('Did you meet <@U-SAM> and <@U-FRAN>?');
  });

  it('has Yes, Not yet and We couldn\'t, each carrying a value that parses back', () => {
    const buttons = buttonsOf(card);
    expect(buttons.map((b) => [b.action, b.label])).toEqual([
      ['coffee:met', 'Yes'],
      ['coffee:met', 'Not yet'],
      ['coffee:met', "We couldn't"],
    ]);
    expect(buttons.map((b) => feedbackAnswerSchema.parse(JSON.parse(b.value ?? '')))).toEqual([
      { programme: PROG, round: 3, answer: 'yes' },
      { programme: PROG, round: 3, answer: 'not-yet' },
      { programme: PROG, round: 3, answer: 'could-not' },
    ]);
    expect(buttons.map((b) => feedbackAnswerValueSchema.safeParse(b.value).data?.answer)).toEqual(['yes', 'not-yet', 'could-not']);
  });

  it('reads nothing from a value that is not ours, nor one the database could not hold', () => {
    const bad = [
      'not json',
      JSON.stringify({ programme: PROG, round: 1, answer: 'maybe' }),
      JSON.stringify({ programme: 'not-a-uuid', round: 1, answer: 'yes' }),
      JSON.stringify({ programme: PROG, round: 99999999999, answer: 'yes' }),
      JSON.stringify({ programme: PROG, round: -1, answer: 'yes' }),
    ];
    for (const value of bad) expect(feedbackAnswerValueSchema.safeParse(value).success).toBe(false);
    expect(feedbackTargetValueSchema.safeParse(JSON.stringify({ programme: '', round: 1 })).success).toBe(false);
  });
});

describe('feedbackThanksCard and commentForm', () => {
  it.each(['yes', 'not-yet', 'could-not'] as const)('thanks for "%s" and offers a comment', (answer) => {
    const card = feedbackThanksCard({ answer, programmeId: PROG, round: 3 });
    expectTidy(card);
    const [button] = buttonsOf(card);
    expect(button?.action).toBe(COFFEE_ACTIONS.comment);
    expect(button?.label).toBe('Add a comment');
    expect(feedbackTargetSchema.parse(JSON.parse(button?.value ?? ''))).toEqual({ programme: PROG, round: 3 });
  });

  it('gives different thanks for different answers', () => {
    const texts = (['yes', 'not-yet', 'could-not'] as const).map((answer) => feedbackThanksCard({ answer, programmeId: 'p', round: 1 }).text);
    expect(new Set(texts).size).toBe(3);
  });

  it('opens a form with one optional comment of up to 500 characters', () => {
    const form = commentForm({ programmeId: PROG, round: 3 });
    expect(form.id).toBe('coffee:comment');
    expect(form.fields).toHaveLength(1);
    expect(form.fields[0]).toMatchObject({ id: 'comment', multiline: true, optional: true, maxLength: 500 });
    expect(feedbackTargetValueSchema.parse(form.value)).toEqual({ programme: PROG, round: 3 });
    expect(form.title.length).toBeLessThanOrEqual(24);
  });
});

describe('summaryCard', () => {
  it('says how many groups met and thanks those who answered', () => {
    const card = summaryCard({ round: 3, groups: 16, met: 11, answered: 20, people: 32 });
    expectTidy(card);
    expect(card.text).toContain('Round 3 is over: 11 of 16 pairs met.');
    expect(card.text).toContain('20 of 32 people');
  });

  it('has a sensible line when nobody answered, or nobody met', () => {
    expect(summaryCard({ round: 2, groups: 5, met: 0, answered: 0, people: 10 }).text).toContain('Nobody told me');
    expect(summaryCard({ round: 2, groups: 5, met: 0, answered: 3, people: 10 }).text).toContain('none of the 5 pairs');
    expect(summaryCard({ round: 2, groups: 4, met: 3, answered: 6, people: 12, groupSize: 3 }).text).toContain('3 of 4 trios met');
  });
});

describe('statusCard', () => {
  const programme = { organiser: fran, settings: DEFAULT_SETTINGS, nextRound: winterRound, members: 24 };

  it('says when there is no programme here and how to start one', () => {
    const card = statusCard({ timeZone: london });
    expectTidy(card);
    expect(card.text).toContain('/coffee setup');
  });

  it('shows the organiser, schedule and next round to someone who has not joined', () => {
    const text = cardText(statusCard({ programme, timeZone: london }));
    expect(text).toContain('<@U-FRAN>');
    expect(text).toContain('every 6 weeks, on Mondays at 10:00 (UK time)');
    expect(text).toContain('24 people have joined');
    expect(text).toContain('Monday 1 December, 10:00');
    expect(text).toContain('/coffee join');
    expect(cardText(statusCard({ programme, member: { status: 'left' }, timeZone: london }))).toContain('/coffee join');
  });

  it('shows a member their pause and team', () => {
    const text = cardText(
      statusCard({ programme, member: { status: 'active', pausedUntil: new Date('2025-12-24T00:00:00Z'), team: 'Pharmacy' }, timeZone: london }),
    );
    expect(text).toContain('paused until Wednesday 24 December');
    expect(text).toContain('Pharmacy');
    const active = cardText(statusCard({ programme, member: { status: 'active' }, timeZone: london }));
    expect(active).toContain("You're in");
    expect(active).toContain('/coffee team');
  });
});

describe('statsCard', () => {
  it('shows the numbers, with percentages and words for what is not known yet', () => {
    const meetings = { groups: 16, met: 11, unanswered: 0, disagreed: 0 };
    const card = statsCard({ rounds: 4, participants: 40, activeMembers: 32, paused: 3, meetings, repeatRate: null });
    expectTidy(card);
    const text = cardText(card);
    expect(text).toContain('Rounds so far: 4');
    expect(text).toContain('Groups that met: 11 of 16 (69%)');
    expect(text).not.toContain("didn't say");
    expect(text).not.toContain('both ways:');
    expect(text).toContain('Repeat matches: No matches yet');
    const none = { groups: 0, met: 0, unanswered: 0, disagreed: 0 };
    expect(cardText(statsCard({ rounds: 0, participants: 0, activeMembers: 0, paused: 0, meetings: none, repeatRate: 0 }))).toContain('No groups yet');
  });

  it('gives the count each round summary gives, with the groups that did not say and those that answered both ways', () => {
    // The case that disagreed before: the channel said "1 of 3 pairs met" while stats said 50%.
    const meetings = { groups: 3, met: 1, unanswered: 1, disagreed: 1 };
    const stats = cardText(statsCard({ rounds: 1, participants: 6, activeMembers: 6, paused: 0, meetings, repeatRate: 0 }));
    expect(stats).toContain('Groups that met: 1 of 3 (33%)');
    expect(stats).toContain("Groups that didn't say: 1");
    expect(stats).toContain('Answered both ways: 1 (counted as met)');
    expect(summaryCard({ round: 1, ...meetings, answered: 3, people: 6 }).text).toContain('1 of 3 pairs met');
  });
});

describe('helpCard', () => {
  it('has a line for every command', () => {
    const text = cardText(helpCard());
    for (const verb of ['join', 'leave', 'pause', 'resume', 'status', 'team', 'setup', 'stats', 'stop', 'help']) {
      expect(text).toContain(`/coffee ${verb}`);
    }
  });
});

describe('short notices', () => {
  const notices: [string, Card][] = [
    ['joined', joinedCard({ nextRound: summerRound, timeZone: london })],
    ['joined, no round known', joinedCard({ timeZone: london })],
    ['already in', alreadyInCard()],
    ['left', leftCard()],
    ['not a member', notMemberCard()],
    ['paused', pausedCard({ until: new Date('2025-12-24T00:00:00Z'), timeZone: london })],
    ['resumed', resumedCard({ nextRound: summerRound, timeZone: london })],
    ['not paused', notPausedCard()],
    ['team set', teamSetCard('Pharmacy')],
    ['team cleared', teamClearedCard()],
    ['not the organiser', notOrganiserCard(fran)],
    ['no programme', noProgrammeCard()],
    ['programme exists', programmeExistsCard(fran)],
    ['stopped', programmeStoppedCard(fran)],
    ['setup saved', setupSavedCard({ settings: DEFAULT_SETTINGS, nextRound: winterRound })],
    ['setup problems', setupProblemsCard(['Time zone: nope', 'Day: nope'])],
    ['invalid command', invalidCommandCard('I did not understand.')],
  ];

  it.each(notices)('%s has text', (_name, card) => {
    expectTidy(card);
    expect(buttonsOf(card)).toEqual([]);
  });

  it('puts dates in the programme time zone', () => {
    expect(cardText(joinedCard({ nextRound: summerRound, timeZone: london }))).toContain('Monday 1 June, 10:00');
    expect(cardText(joinedCard({ nextRound: summerRound, timeZone: 'America/New_York' }))).toContain('Monday 1 June, 05:00');
    expect(cardText(pausedCard({ until: new Date('2025-12-24T00:00:00Z'), timeZone: london }))).toContain('Wednesday 24 December');
    expect(cardText(resumedCard({ nextRound: winterRound, timeZone: london }))).toContain('Monday 1 December, 10:00');
  });

  it('names people and details where they matter', () => {
    expect(cardText(notOrganiserCard(fran))).toContain('<@U-FRAN>');
    expect(cardText(programmeExistsCard(fran))).toContain('<@U-FRAN>');
    expect(cardText(teamSetCard('Pharmacy'))).toContain('Pharmacy');
    expect(cardText(noProgrammeCard())).toContain('/coffee setup');
    expect(cardText(invalidCommandCard('I did not understand.'))).toContain('I did not understand.');
    expect(cardText(invalidCommandCard('x'))).toContain('/coffee help');
    const problems = cardText(setupProblemsCard(['Time zone: nope', 'Day: nope']));
    expect(problems).toContain('• Time zone: nope');
    expect(problems).toContain('• Day: nope');
    const saved = cardText(setupSavedCard({ settings: DEFAULT_SETTINGS, nextRound: winterRound }));
    expect(saved).toContain('Every 6 weeks, on Mondays at 10:00 (UK time)');
    expect(saved).toContain('Monday 1 December, 10:00');
  });
});
