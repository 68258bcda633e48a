import { commandFor } from '../../../flows/after-action-review/commands';
import { hashtagsIn } from '../../../flows/after-action-review/hashtags';
import { shortTitle } from '../../../flows/after-action-review/lesson-title';
import { parseThreadCommand } from '../../../flows/shared/thread-commands';

describe('shortTitle', () => {
  it('takes the first sentence without its full stop', () => {
    expect(shortTitle('Request log-ins early. Check them with each shift lead.')).toBe('Request log-ins early');
  });

  it('does not end a sentence at an abbreviation', () => {
    expect(shortTitle('Use a checklist, e.g. the WHO one. Then brief.')).toBe('Use a checklist, e.g. the WHO one');
  });

  it('uses the first line only', () => {
    expect(shortTitle('Brief the night team\nand the day team too')).toBe('Brief the night team');
  });

  it('cuts a long sentence at a word boundary with an ellipsis', () => {
    const long =
      'Make sure that every member of the night team has a working log-in and has practised on the training system before go-live day';
    const title = shortTitle(long);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
    expect(long.charAt(title.length - 1)).toBe(' ');
  });

  it('drops hashtags from the end of a title', () => {
    expect(shortTitle('Keep paper charts ready #resilience #ward-7')).toBe('Keep paper charts ready');
  });
});

describe('hashtagsIn', () => {
  it('finds lower-cased, de-duplicated tags without the hash', () => {
    expect(hashtagsIn(['Go-live #E-Prescribing on #ward7', 'again #e-prescribing, #Access.'])).toEqual([
      'e-prescribing',
      'ward7',
      'access',
    ]);
  });

  it('ignores numbers, channel links and hashes inside words', () => {
    expect(hashtagsIn(['bay #7, see <#C123|ops>, item&#39;s, C#sharp'])).toEqual([]);
  });
});

describe('typed commands', () => {
  it('reads the facilitator commands', () => {
    expect(parseThreadCommand(' Next ')).toEqual({ verb: 'next' });
    expect(parseThreadCommand('drop #2')).toEqual({ verb: 'drop', number: 2 });
    expect(parseThreadCommand('restore 3')).toEqual({ verb: 'restore', number: 3 });
    expect(parseThreadCommand('edit 1: Brief everyone.\nTwice.')).toEqual({ verb: 'edit', number: 1, text: 'Brief everyone.\nTwice.' });
    expect(parseThreadCommand('edit 4')).toEqual({ verb: 'edit', number: 4, text: '' });
    expect(parseThreadCommand('next time, plan')).toBeNull();
  });

  it('only counts the commands that fit the phase', () => {
    expect(commandFor('save', 'asking')).toBeNull();
    expect(commandFor('drop 1', 'asking')).toBeNull();
    expect(commandFor('next', 'review')).toBeNull();
    expect(commandFor('cancel', 'review')).toEqual({ verb: 'cancel' });
  });
});
