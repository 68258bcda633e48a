// Decoding Slack's escaped message markup back into what people typed.
import { decodeSlackText } from '../../../adapters/slack/inbound/text';

describe('decodeSlackText', () => {
  it.each([
    ['a &lt;b&gt; &amp;amp; c', 'a <b> &amp; c'],
    ['<http://x.test|label>', 'label (http://x.test)'],
    ['<http://x.test>', 'http://x.test'],
    ['<http://x.test?a=1&amp;b=2|a &amp; b>', 'a & b (http://x.test?a=1&b=2)'],
    ['<mailto:a@b.test|a@b.test>', 'a@b.test'],
    ['<#C123|wards>', '#wards'],
    ['<#C123>', '#C123'],
    ['<!here> <!channel> <!everyone>', '@here @channel @everyone'],
    ['<!here|here>', '@here'],
    ['<!subteam^S1|@nurses>', '@nurses'],
    ['<!date^1700000000^{date}|14 Nov>', '14 Nov'],
    ['hi <@U123> and <@U9|sam>', 'hi <@U123> and <@U9>'],
    ['plain text', 'plain text'],
  ])('%s -> %s', (input, expected) => {
    expect(decodeSlackText(input)).toBe(expected);
  });
});
