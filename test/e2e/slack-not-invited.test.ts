// `/aar` in a channel the bot has not been invited to: the person is told directly how to fix it.
import type { RunningApp } from '../../src/main';
import { startFakeSlackApi, type FakeSlackApi } from '../support/fake-slack-api';
import { SlackClientSim, startSlackMobilise, textOf } from '../support/mobilise-slack';
import { slashCommand } from '../support/slack-requests';

describe('a channel Mobilise has not been invited to', () => {
  let api: FakeSlackApi;
  let app: RunningApp;
  let slack: SlackClientSim;

  beforeAll(async () => {
    api = await startFakeSlackApi();
    app = await startSlackMobilise(api, {});
    slack = new SlackClientSim(`http://127.0.0.1:${app.port}`);
  });
  afterAll(async () => {
    await app.close();
    await api.close();
  });

  const directTo = (user: string) => api.calls('chat.postMessage').filter((c) => c.body.channel === user);

  it('sends the facilitator a direct message, closes the review, and works once invited', async () => {
    api.refuseChannel('C9', 'not_in_channel');
    await slack.post(slashCommand({ command: '/aar', text: 'Ward 9 move', channelId: 'C9', userId: 'U1', triggerId: 'trg-c9-1' }));
    await api.waitFor(() => directTo('U1').length === 1);
    const [refusal] = directTo('U1');
    expect(refusal && textOf(refusal)).toMatch(/invite/);
    const [run] = await app.db.query('SELECT status FROM flow_runs');
    expect(run?.status).toBe('closed');

    // A help request there is answered directly too, instead of vanishing.
    await slack.post(slashCommand({ command: '/aar', text: 'help', channelId: 'C9', userId: 'U1', triggerId: 'trg-c9-2' }));
    await api.waitFor(() => directTo('U1').length === 2);
    const [, help] = directTo('U1');
    expect(help && textOf(help)).toMatch(/After Action Review/);

    api.allowChannel('C9');
    await slack.post(slashCommand({ command: '/aar', text: 'Ward 9 move', channelId: 'C9', userId: 'U1', triggerId: 'trg-c9-3' }));
    await api.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C9' && c.status === 200 && c.response?.ok === true).length === 2);
    expect(await app.db.query("SELECT status FROM flow_runs WHERE status = 'active'")).toHaveLength(1);
  });
});
