// The fake Bot Connector answers as Teams does where it matters; if it were kinder, the suite could pass a broken bot.
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector';

const CARD = { contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [] } };
const CHAIN = '19:abc@thread.tacv2;messageid=1';

describe('the fake Bot Connector', () => {
  let fake: FakeBotConnector;
  beforeAll(async () => {
    fake = await startFakeBotConnector();
  });
  afterAll(() => fake.close());

  const call = async (method: string, path: string, body: unknown): Promise<{ status: number; text: string; retryAfter: string | null }> => {
    const res = await fetch(new URL(path, fake.url), { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, text: await res.text(), retryAfter: res.headers.get('retry-after') };
  };
  const activities = (conversation: string): string => `/v3/conversations/${encodeURIComponent(conversation)}/activities`;

  it('splits text beside a card into two messages, answers 202 with no id, and refuses to update them', async () => {
    const before = fake.shown().length;
    const split = await call('POST', activities(CHAIN), { type: 'message', text: 'Question 1', attachments: [CARD] });
    expect(split).toEqual({ status: 202, text: '', retryAfter: null });
    const parts = fake.shown().slice(before);
    expect(parts.map((m) => [m.text !== undefined, m.attachment !== undefined])).toEqual([
      [true, false],
      [false, true],
    ]);
    const update = await call('PUT', `${activities(CHAIN)}/${parts[1]?.id ?? ''}`, { type: 'message', attachments: [CARD] });
    expect(update.status).toBe(400);
    expect(update.text).toContain('Activity resulted into multiple skype activities');
  });

  it('splits a list of cards too, but keeps a carousel as one message that can be updated', async () => {
    expect((await call('POST', activities(CHAIN), { type: 'message', attachments: [CARD, CARD] })).status).toBe(202);
    const carousel = await call('POST', activities(CHAIN), { type: 'message', attachmentLayout: 'carousel', attachments: [CARD, CARD] });
    expect(carousel.status).toBe(200);
    const { id } = JSON.parse(carousel.text) as { id: string };
    expect((await call('PUT', `${activities(CHAIN)}/${id}`, { type: 'message', attachments: [CARD] })).status).toBe(200);
  });

  it('posts a card alone, or text alone, as one message with an id', async () => {
    for (const activity of [{ type: 'message', attachments: [CARD] }, { type: 'message', text: 'Thanks' }]) {
      const answer = await call('POST', activities(CHAIN), activity);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ id: expect.stringMatching(/^\d+$/) });
    }
  });

  it('answers 404 for a message it never showed, and 403 once the bot is removed', async () => {
    const unknown = await call('PUT', `${activities(CHAIN)}/999`, { type: 'message', text: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain('ActivityNotFoundInConversation');
    fake.removeBot('19:gone@thread.tacv2');
    const removed = await call('POST', activities('19:gone@thread.tacv2;messageid=5'), { type: 'message', text: 'x' });
    expect(removed.status).toBe(403);
    expect(removed.text).toContain('BotNotInConversationRoster');
  });

  it('rate-limits with 429 and no Retry-After unless told one', async () => {
    fake.failNext(429);
    expect(await call('POST', activities(CHAIN), { type: 'message', text: 'x' })).toMatchObject({ status: 429, retryAfter: null });
    fake.rateLimitNext(3);
    expect(await call('POST', activities(CHAIN), { type: 'message', text: 'x' })).toMatchObject({ status: 429, retryAfter: '3' });
  });
});
