import { meaningfulWords, sharesWords } from '../../../flows/shared/shared-words';

describe('meaningfulWords', () => {
  it('keeps the words that say something, lower-cased and without common endings', () => {
    expect([...meaningfulWords('The printer queue stalled, so we were on paper')]).toEqual(['printer', 'queu', 'stall', 'paper']);
  });

  it('leaves out stop words, words under three letters, bare numbers, mentions and links', () => {
    expect([...meaningfulWords('It was on us at 9 in bay 12 <@U123> https://example.org/rota')]).toEqual(['bay']);
  });
});

describe('sharesWords', () => {
  it('finds a word two texts share, whatever its case or form', () => {
    expect(sharesWords('Accounts were requested too late', 'Request log-ins two weeks early')).toBe(true);
    expect(sharesWords('PHARMACY cover at night', 'Brief pharmacy first')).toBe(true);
    expect(sharesWords('Move the queues', 'The queue moved')).toBe(true);
  });

  it('splits hyphenated words, so printer-queue meets printer queue', () => {
    expect(sharesWords('Name a printer-queue owner', 'The printer queue stalled')).toBe(true);
  });

  it('does not count stop words, short words, numbers, mentions or links as shared', () => {
    expect(sharesWords('It was all on us before the day', 'All of it was on us that day, before')).toBe(false);
    expect(sharesWords('Ward 12, 48 hours', '12 in 48')).toBe(false);
    expect(sharesWords('Ask <@U123> https://example.org/rota', 'Thanks <@U123>, see https://example.org/rota')).toBe(false);
  });

  it('does not count a word of what everything is about (the review title) as shared', () => {
    const title = 'Printer outage on Ward 7';
    expect(sharesWords('Check the printer queue at every handover', 'Agency staff could not find the spare printer', title)).toBe(false);
    expect(sharesWords('Check the printer queue at every handover', 'The printer queue stalled for two hours', title)).toBe(true);
  });
});
