// What the adapters drop from platform text before the engine sees it.
import { cleanInbound, cleanText } from '../../src/core/clean-text';
import type { Inbound } from '../../src/core/model';

describe('cleanText', () => {
  it('keeps tabs, newlines and every printable character, emoji included', () => {
    const text = 'Ward 9\thandover\r\nline two — café 😀 <@U1>';
    expect(cleanText(text)).toBe(text);
  });

  it('drops NUL, the other C0 and C1 controls, DEL and lone surrogates', () => {
    expect(cleanText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u009fg')).toBe('abcdefg');
    expect(cleanText('x\ud800y\udc00z')).toBe('xyz');
    expect(cleanText('\ud83d\ude00')).toBe('😀');
  });
});

describe('cleanInbound', () => {
  const from = { platform: 'slack' as const, tenant: 'T1', id: 'U1', name: 'al\u0000ex' };
  const place = { platform: 'slack' as const, tenant: 'T1', channel: 'C1', thread: '1.1' };

  it('cleans a command, a button and a form, field names included', () => {
    const command: Inbound = { kind: 'command', name: 'aar', text: ' Ward\u0000 9 \u0000', from, place, deliveryId: 'd1', trigger: 't' };
    expect(cleanInbound(command)).toEqual({ ...command, text: 'Ward 9', from: { ...from, name: 'alex' } });
    const action: Inbound = { kind: 'action', action: 'coffee:met', value: '{"a":"\u0000"}', from, place, deliveryId: 'd2' };
    expect(cleanInbound(action)).toEqual({ ...action, value: '{"a":""}', from: { ...from, name: 'alex' } });
    const form: Inbound = { kind: 'form', form: 'f', fields: { 'ti\u0000tle': 'x\u0000y' }, from, place, deliveryId: 'd3' };
    expect(cleanInbound(form)).toEqual({ ...form, fields: { title: 'xy' }, from: { ...from, name: 'alex' } });
  });
});
