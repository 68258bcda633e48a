// A NUL in a Teams message, through the real CloudAdapter over HTTP: dropped at the boundary, so the review starts and
// the answer is saved without it, and no one is told that something went wrong.
import { dbKinds, type DbKind } from '../support/databases';
import { textOf, useTeamsE2e } from '../support/mobilise-teams';
import { ALEX, CHANNEL, channelMessage, SAM } from '../support/teams-activities';
import { waitUntil } from '../support/wait-until';

describe.each(dbKinds)('a NUL in a Teams message (%s Postgres)', (kind: DbKind) => {
  const e2e = useTeamsE2e(kind);

  it('starts the review and saves the answer without the NUL', async () => {
    const root = await e2e.teams.mention(ALEX, 'aar Ward\u0000 7 go-live');
    const chain = `${CHANNEL};messageid=${root}`;
    const [overview] = await e2e.waitForSentTo(chain, 2);
    expect(overview && textOf(overview)).toContain('Ward 7 go-live');

    await e2e.teams.send(channelMessage({ serviceUrl: e2e.connector.url, from: SAM, text: 'Pharmacy\u0000 from 8am', root }));
    await waitUntil('the answer saved', async () => {
      const rows = await e2e.app.db.query("SELECT state->'answers' AS answers FROM flow_runs");
      return JSON.stringify(rows[0]?.answers ?? []).includes('Pharmacy from 8am');
    });
    const said = [...e2e.sentTo(chain), ...e2e.sentTo(`a:personal-${SAM.id}`)].map(textOf);
    expect(said.filter((t) => /something went wrong/i.test(t))).toEqual([]);
  });
});
