import { parseLearnCommand } from '../../src/who/learn-command';

describe('/learn', () => {
  it('reads who, opt-out and opt-in, and gives help for nothing', () => {
    expect(parseLearnCommand('')).toEqual({ verb: 'help' });
    expect(parseLearnCommand('who  e-prescribing go-live ')).toEqual({ verb: 'who', topic: 'e-prescribing go-live' });
    expect(parseLearnCommand('WHO opt-out')).toEqual({ verb: 'opt-out' });
    expect(parseLearnCommand('who opt in')).toEqual({ verb: 'opt-in' });
  });

  it('names what is wrong: no topic, a long one, patient details (without the digits), an unknown technique', () => {
    expect(parseLearnCommand('who')).toMatchObject({ verb: 'invalid', message: expect.stringContaining('Please say what the work is about') });
    expect(parseLearnCommand(`who ${'ward '.repeat(80)}`)).toMatchObject({ verb: 'invalid', message: expect.stringContaining('under 300 characters') });
    const patient = parseLearnCommand('who discharge of 943 476 5919');
    expect(patient).toMatchObject({ verb: 'invalid', message: expect.stringContaining('an NHS number') });
    expect(JSON.stringify(patient)).not.toContain('5919');
    expect(parseLearnCommand('fishbowl')).toMatchObject({ verb: 'invalid', message: expect.stringContaining('/learn help') });
  });
});
