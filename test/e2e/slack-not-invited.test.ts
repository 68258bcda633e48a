// `/aar` in a channel the bot has not been invited to: the person is told directly how to fix it.
import { textOf, useSlackE2e } from '../support/mobilise-slack';
import { slashCommand } from '../support/slack-requests';

describe('a channel Mobilise has not been invited to', () => {
  const e2e = useSlackE2e(undefined);

  const directTo = (user: string) => e2e.api.calls('chat.postMessage').filter((c) => c.body.channel === user);

  it('sends the facilitator a direct message, closes the review, and works once invited', async () => {
    e2e.api.refuseChannel('C9', 'not_in_channel');
    await e2e.slack.post(slashCommand({ command: '/aar', text: 'Ward 9 move', channelId: 'C9', userId: 'U1', triggerId: 'trg-c9-1' }));
    await e2e.api.waitFor(() => directTo('U1').length === 1);
    const [refusal] = directTo('U1');
    expect(refusal && textOf(refusal)).toMatch(/invite/);
    const [run] = await e2e.app.db.query('SELECT status FROM flow_runs');
    expect(run?.status).toBe('closed');

    // A help request there is answered directly too, instead of vanishing.
    await e2e.slack.post(slashCommand({ command: '/aar', text: 'help', channelId: 'C9', userId: 'U1', triggerId: 'trg-c9-2' }));
    await e2e.api.waitFor(() => directTo('U1').length === 2);
    const [, help] = directTo('U1');
    expect(help && textOf(help)).toMatch(/After Action Review/);

    e2e.api.allowChannel('C9');
    await e2e.slack.post(slashCommand({ command: '/aar', text: 'Ward 9 move', channelId: 'C9', userId: 'U1', triggerId: 'trg-c9-3' }));
    await e2e.api.waitFor((calls) => calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C9' && c.status === 200 && c.response?.ok === true).length === 2);
    expect(await e2e.app.db.query("SELECT status FROM flow_runs WHERE status = 'active'")).toHaveLength(1);
  });
});
