// What the adapters drop from platform text before the engine sees it.
import { cleanInbound, cleanJson, cleanText } from '../../src/core/clean-text';
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

describe('cleanJson', () => {
  it('cleans every string and key at any depth, and keeps everything else as it was', () => {
    const parsed: unknown = JSON.parse('{"from":{"name":"Sam\\u0000 Patel","id":"29:sam"},"value":{"ti\\u0007tle":["a\\ud800b",1,true,null,{"c":"d\\u0000"}]},"n":2}');
    expect(cleanJson(parsed)).toEqual({ from: { name: 'Sam Patel', id: '29:sam' }, value: { title: ['ab', 1, true, null, { c: 'd' }] }, n: 2 });
    expect(JSON.stringify(parsed)).toContain('\\u0000');
    expect(cleanJson('a\u0000')).toBe('a');
    expect(cleanJson(7)).toBe(7);
  });

  it('keeps a key named __proto__ as a key, not a prototype', () => {
    const cleaned = cleanJson(JSON.parse('{"__proto__":{"polluted":"yes"}}')) as Record<string, unknown>;
    expect(Object.keys(cleaned)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect('polluted' in cleaned).toBe(false);
  });

  it('cleans input nested far deeper than the call stack allows', () => {
    const depth = 200_000;
    const cleaned = cleanJson(JSON.parse(`${'['.repeat(depth)}"x\\u0000"${']'.repeat(depth)}`));
    let inner: unknown = cleaned;
    for (let i = 0; i < depth; i += 1) inner = Array.isArray(inner) ? inner[0] : undefined;
    expect(inner).toBe('x');
  });
});
