import { parseLine } from '../../../adapters/console/parse-line';

describe('parseLine', () => {
  it.each([
    ['', { kind: 'empty' }],
    ['  we ran out of time  ', { kind: 'say', text: 'we ran out of time' }],
    ['2', { kind: 'number', n: 2, text: '2' }],
    ['/aar Go-live of e-prescribing', { kind: 'command', name: 'aar', text: 'Go-live of e-prescribing' }],
    ['/AAR', { kind: 'command', name: 'aar', text: '' }],
    ['/as Dr  Jones', { kind: 'as', name: 'Dr  Jones' }],
    ['/as', { kind: 'as' }],
    ['/thread', { kind: 'thread' }],
    ['/thread #3', { kind: 'thread', message: 3 }],
    ['/channel', { kind: 'channel' }],
    ['/press 2', { kind: 'press', button: 2 }],
    ['/press #4 1', { kind: 'press', message: 4, button: 1 }],
    ['/edit 4 new words here', { kind: 'edit', message: 4, text: 'new words here' }],
    ['/delete #4', { kind: 'delete', message: 4 }],
    ['/lessons', { kind: 'lessons' }],
    ['/lessons printer #handover', { kind: 'command', name: 'lessons', text: 'printer #handover' }],
    ['/later 2 weeks', { kind: 'later', ms: 14 * 24 * 3600 * 1000 }],
    ['/later 1 Day', { kind: 'later', ms: 24 * 3600 * 1000 }],
    ['/later 3 hours', { kind: 'later', ms: 3 * 3600 * 1000 }],
    ['/help', { kind: 'help' }],
    ['/quit', { kind: 'quit' }],
  ])('reads %j', (line, expected) => {
    expect(parseLine(line)).toEqual(expected);
  });

  it.each(['/', '/press', '/press two', '/press 1 2 3', '/edit 4', '/edit x y', '/delete', '/thread x', '/later', '/later soon', '/later 2 fortnights'])(
    'explains how to type %j',
    (line) => {
      expect(parseLine(line).kind).toBe('usage');
    },
  );
});
