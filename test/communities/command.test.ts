// What /cop understands, and the words it uses when it does not.
import { parseCopCommand } from '../../src/communities/command';

describe('parseCopCommand', () => {
  it('shows help for nothing, or help', () => {
    expect(parseCopCommand('')).toEqual({ verb: 'help' });
    expect(parseCopCommand('  HELP ')).toEqual({ verb: 'help' });
  });

  it('reads a name and lower-case tags, each once, wherever the tags are', () => {
    expect(parseCopCommand('create Sepsis champions #Sepsis #deterioration, #sepsis')).toEqual({
      verb: 'create',
      name: 'Sepsis champions',
      tags: ['sepsis', 'deterioration'],
    });
    expect(parseCopCommand('create #discharge Discharge group')).toEqual({ verb: 'create', name: 'Discharge group', tags: ['discharge'] });
  });

  it('names what is missing or wrong in create', () => {
    expect(parseCopCommand('create #sepsis')).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/name/) });
    expect(parseCopCommand('create Sepsis champions')).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/at least one #tag/) });
    expect(parseCopCommand('create Ward 7 #7')).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/"#7" isn't a tag/) });
    expect(parseCopCommand(`create ${'x'.repeat(81)} #a`)).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/up to 80 characters/) });
    const eleven = Array.from({ length: 11 }, (_, i) => `#t${String.fromCharCode(97 + i)}`).join(' ');
    expect(parseCopCommand(`create Many ${eleven}`)).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/up to 10 tags/) });
  });

  it('refuses a name with an NHS number, without repeating it', () => {
    const command = parseCopCommand('create Mr Smith 943 476 5919 #sepsis');
    expect(command).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/NHS number/) });
    expect(JSON.stringify(command)).not.toMatch(/943/);
  });

  it('reads new tags, and wants them with #', () => {
    expect(parseCopCommand('tags #Falls #frailty')).toEqual({ verb: 'tags', tags: ['falls', 'frailty'] });
    expect(parseCopCommand('tags')).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/at least one #tag/) });
    expect(parseCopCommand('tags falls')).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/"falls" isn't a tag/) });
  });

  it('reads the new owner from an escaped mention', () => {
    expect(parseCopCommand('owner <@U123>')).toEqual({ verb: 'owner', ownerId: 'U123' });
    expect(parseCopCommand('owner <@U123|sam>')).toEqual({ verb: 'owner', ownerId: 'U123' });
    expect(parseCopCommand('owner')).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/who should look after/) });
    expect(parseCopCommand('owner sam')).toMatchObject({ verb: 'invalid', message: expect.stringMatching(/mention one person with @/) });
    expect(parseCopCommand('owner <@U1> <@U2>')).toMatchObject({ verb: 'invalid' });
  });

  it('reads a digest day, time and optional time zone', () => {
    expect(parseCopCommand('digest friday 16:00')).toEqual({ verb: 'digest', weekday: 5, time: '16:00' });
    expect(parseCopCommand('digest Tues 9:30')).toEqual({ verb: 'digest', weekday: 2, time: '09:30' });
    expect(parseCopCommand('digest sunday 4pm')).toEqual({ verb: 'digest', weekday: 7, time: '16:00' });
    expect(parseCopCommand('digest monday 09:00 europe/paris')).toEqual({ verb: 'digest', weekday: 1, time: '09:00', timeZone: 'Europe/Paris' });
  });

  it('names the wrong part of a digest time', () => {
    expect(parseCopCommand('digest')).toMatchObject({ message: expect.stringMatching(/day and a time/) });
    expect(parseCopCommand('digest friday')).toMatchObject({ message: expect.stringMatching(/day and a time/) });
    expect(parseCopCommand('digest someday 16:00')).toMatchObject({ message: expect.stringMatching(/"someday" isn't a day of the week/) });
    expect(parseCopCommand('digest friday 25:00')).toMatchObject({ message: expect.stringMatching(/"25:00" isn't a time/) });
    expect(parseCopCommand('digest friday 16')).toMatchObject({ message: expect.stringMatching(/"16" isn't a time/) });
    expect(parseCopCommand('digest friday 16:00 Mars/Olympus')).toMatchObject({ message: expect.stringMatching(/"Mars\/Olympus" isn't a time zone/) });
  });

  it('takes status and archive on their own, and lists the verbs for anything else', () => {
    expect(parseCopCommand('status')).toEqual({ verb: 'status' });
    expect(parseCopCommand('archive')).toEqual({ verb: 'archive' });
    expect(parseCopCommand('archive now')).toMatchObject({ message: expect.stringMatching(/doesn't take anything/) });
    expect(parseCopCommand('dance')).toEqual({
      verb: 'invalid',
      message: 'I don\'t know "/cop dance". I understand create, status, tags, owner, co-owner, digest, archive and help. Try /cop help to see what each one does.',
    });
  });
});
