// Activity JSON -> neutral events, without a server: what counts as a command, a reply, a press, an edit.
import { activitySchema, type TeamsActivity } from '../../../adapters/teams/activity';
import { invokeToInbound } from '../../../adapters/teams/inbound/invoke';
import { deleteToInbound, messageToInbound, updateToInbound } from '../../../adapters/teams/inbound/message';
import { teamsPlace } from '../../../adapters/teams/inbound/place';
import { readText } from '../../../adapters/teams/inbound/text';
import { FORM_VALUE_FIELD } from '../../../src/core/card';
import {
  ALEX,
  BOT,
  CHANNEL,
  cardSubmit,
  channelMessage,
  messageDelete,
  messageUpdate,
  personalMessage,
  SAM,
  TENANT,
} from '../../support/teams-activities';

const SERVICE = 'https://smba.trafficmanager.net/uk/';
const COMMANDS = new Set(['aar', 'bar', 'lessons', 'cop', 'coffee']);

function activity(json: Record<string, unknown>): TeamsActivity {
  return activitySchema.parse(json);
}

describe('Teams places', () => {
  it('puts a channel post in the reply chain it starts', () => {
    const a = activity(channelMessage({ serviceUrl: SERVICE, from: ALEX, text: 'hello', id: '1700000000123' }));
    expect(teamsPlace(a)).toEqual({ platform: 'teams', tenant: TENANT, channel: CHANNEL, thread: '1700000000123' });
  });

  it('makes a chat one long thread', () => {
    const a = activity(personalMessage(SERVICE, ALEX, 'hello'));
    expect(teamsPlace(a)).toEqual({ platform: 'teams', tenant: TENANT, channel: `a:personal-${ALEX.id}`, thread: `a:personal-${ALEX.id}` });
  });

  it('falls back to the channel id for the tenant when Teams names none (the Emulator)', () => {
    const a = activity({ ...personalMessage(SERVICE, ALEX, 'hi'), channelId: 'emulator', conversation: { id: 'conv-1' }, channelData: undefined });
    expect(teamsPlace(a)).toMatchObject({ tenant: 'emulator', channel: 'conv-1', thread: 'conv-1' });
  });
});

describe('Teams messages', () => {
  it('reads `@Mobilise aar …` in a channel as the aar command, the person who said it as the trigger', () => {
    const a = activity(channelMessage({ serviceUrl: SERVICE, from: ALEX, text: 'aar Go-live of e-prescribing &amp; eMAR', mentionBot: true, id: '1700000000001' }));
    expect(messageToInbound(a, COMMANDS)).toEqual({
      kind: 'command',
      name: 'aar',
      text: 'Go-live of e-prescribing & eMAR',
      from: { platform: 'teams', tenant: TENANT, id: ALEX.id, name: ALEX.name },
      place: { platform: 'teams', tenant: TENANT, channel: CHANNEL, thread: '1700000000001' },
      deliveryId: `teams:${CHANNEL};messageid=1700000000001:1700000000001`,
      trigger: ALEX.id,
    });
  });

  it('needs the mention in a channel, but not in a personal chat', () => {
    const unmentioned = activity(channelMessage({ serviceUrl: SERVICE, from: ALEX, text: 'aar is a good idea', root: '17' }));
    expect(messageToInbound(unmentioned, COMMANDS)).toMatchObject({ kind: 'reply', text: 'aar is a good idea' });
    expect(messageToInbound(activity(personalMessage(SERVICE, ALEX, 'Lessons printer queue')), COMMANDS)).toMatchObject({
      kind: 'command',
      name: 'lessons',
      text: 'printer queue',
    });
    expect(messageToInbound(activity(personalMessage(SERVICE, ALEX, '/coffee')), COMMANDS)).toMatchObject({ kind: 'command', name: 'coffee', text: '' });
  });

  it('reads a mention of an unknown word as a reply, without the bot mention', () => {
    const a = activity(channelMessage({ serviceUrl: SERVICE, from: ALEX, text: 'next', mentionBot: true, root: '17' }));
    expect(messageToInbound(a, COMMANDS)).toMatchObject({ kind: 'reply', text: 'next', messageId: a.id });
  });

  it('turns Teams markup into plain text and other people\'s mentions into <@ID>', () => {
    const tag = `<at>${SAM.name}</at>`;
    const a = activity(
      channelMessage({
        serviceUrl: SERVICE,
        from: ALEX,
        root: '17',
        text: `<div><p>Thanks ${tag}, the <b>printer</b> queue&nbsp;stalled</p><p>at 9 &lt; 10</p></div>`,
        entities: [{ type: 'mention', text: tag, mentioned: { id: SAM.id, name: SAM.name } }],
      }),
    );
    expect(messageToInbound(a, COMMANDS)).toMatchObject({ kind: 'reply', text: `Thanks <@${SAM.id}>, the printer queue stalled\nat 9 < 10` });
  });

  it('says whether the bot itself was mentioned', () => {
    expect(readText(activity(channelMessage({ serviceUrl: SERVICE, from: ALEX, text: 'hi', mentionBot: true }))).mentionsBot).toBe(true);
    expect(readText(activity(channelMessage({ serviceUrl: SERVICE, from: ALEX, text: 'hi' }))).mentionsBot).toBe(false);
  });

  it('ignores the bot\'s own messages and empty ones', () => {
    expect(messageToInbound(activity({ ...personalMessage(SERVICE, ALEX, 'hi'), from: BOT }), COMMANDS)).toBeUndefined();
    expect(messageToInbound(activity(personalMessage(SERVICE, ALEX, '<p>&nbsp;</p>')), COMMANDS)).toBeUndefined();
  });
});

describe('Teams card submissions', () => {
  const chain = `${CHANNEL};messageid=17`;

  it('reads a button press as an action in the card\'s reply chain', () => {
    const a = activity(cardSubmit(SERVICE, SAM, chain, '18', { mobilise: 'action', action: 'aar:next', value: 'q1' }));
    expect(messageToInbound(a, COMMANDS)).toMatchObject({
      kind: 'action',
      action: 'aar:next',
      value: 'q1',
      from: { id: SAM.id },
      place: { channel: CHANNEL, thread: '17' },
      trigger: SAM.id,
    });
  });

  it('reads a form with its inputs and its value', () => {
    const a = activity(cardSubmit(SERVICE, SAM, `a:personal-${SAM.id}`, '18', { mobilise: 'form', form: 'aar:edit-lesson', value: 'k1', title: 'Own the queue' }));
    expect(messageToInbound(a, COMMANDS)).toMatchObject({ kind: 'form', form: 'aar:edit-lesson', fields: { title: 'Own the queue', [FORM_VALUE_FIELD]: 'k1' } });
  });

  it('ignores data that is not ours', () => {
    expect(messageToInbound(activity(cardSubmit(SERVICE, SAM, chain, '18', { something: 'else' })), COMMANDS)).toBeUndefined();
  });

  it('reads Action.Execute and answers it at once', () => {
    const a = activity({
      ...cardSubmit(SERVICE, SAM, chain, '18', {}),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'x', data: { mobilise: 'action', action: 'aar:finish' } } },
    });
    const { event, answer } = invokeToInbound(a);
    expect(event).toMatchObject({ kind: 'action', action: 'aar:finish', trigger: SAM.id });
    expect(answer.status).toBe(200);
    expect(invokeToInbound({ ...a, name: 'composeExtension/query' }).answer.status).toBe(501);
  });
});

describe('Teams edits and deletions', () => {
  it('reads an edit as reply-edited with its own delivery id', () => {
    const a = activity(messageUpdate(SERVICE, SAM, '17', '19', '<p>Orders were late</p>'));
    const event = updateToInbound(a);
    expect(event).toMatchObject({ kind: 'reply-edited', text: 'Orders were late', messageId: '19', place: { thread: '17' } });
    expect(event?.deliveryId).not.toBe(`teams:${CHANNEL};messageid=17:19`);
  });

  it('reads a deletion as reply-deleted', () => {
    expect(deleteToInbound(activity(messageDelete(SERVICE, SAM, '17', '19')))).toMatchObject({ kind: 'reply-deleted', messageId: '19', place: { thread: '17' } });
  });

  it('ignores an undelete', () => {
    const a = activity(messageUpdate(SERVICE, SAM, '17', '19', 'back'));
    expect(updateToInbound({ ...a, channelData: { ...a.channelData, eventType: 'undeleteMessage' } })).toBeUndefined();
  });
});
