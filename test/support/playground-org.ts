// The organisation Microsoft 365 Agents Playground pretends to be: its `.m365agentsplayground.yml`, written as JSON
// (which is YAML). Version 0.1.1 of its config format wants exactly five other users, one group chat and one team with
// at most one channel besides General (whose id is the team's); `userPrincipleName` is spelt as the playground spells it.
import { BOT, TENANT } from './teams-activities';

export interface PlaygroundUser {
  id: string;
  name: string;
  upn: string;
  aadObjectId: string;
}

function user(id: string, given: string, surname: string, n: number): PlaygroundUser {
  return { id, name: `${given} ${surname}`, upn: `${given}.${surname}@nhs.net`.toLowerCase(), aadObjectId: `00000000-0000-4000-8000-0000000000${n}` };
}

/** The person at the keyboard: the playground shows only their chats. */
export const ALEX = user('29:alex', 'Alex', 'Morgan', 11);
export const SAM = user('29:sam', 'Sam', 'Patel', 12);
export const JO = user('29:jo', 'Jo', 'Evans', 13);
export const KIT = user('29:kit', 'Kit', 'Lewis', 14);
export const PRIYA = user('29:priya', 'Priya', 'Shah', 15);
export const TOM = user('29:tom', 'Tom', 'Hughes', 16);

export const PLAYGROUND_BOT = BOT;
export const PLAYGROUND_TENANT = TENANT;
/** Alex's own chat with Mobilise. */
export const PERSONAL_CHAT = 'a:personal-alex';
export const GROUP_CHAT = '19:pharmacy-huddle@thread.v2';
export const TEAM = { id: '19:team-pharmacy@thread.tacv2', name: 'Pharmacy', aadGroupId: 'b4a0c1e2-3d4f-4a5b-8c6d-7e8f9a0b1c2d' };
/** The team's General channel, whose id is the team's. */
export const GENERAL = TEAM.id;
export const EPRESCRIBING = { id: '19:eprescribing@thread.tacv2', name: 'E-prescribing' };

export const EVERYONE: readonly PlaygroundUser[] = [ALEX, SAM, JO, KIT, PRIYA, TOM];

function userEntry(u: PlaygroundUser): Record<string, string> {
  const [givenName = '', surname = ''] = u.name.split(' ');
  return { id: u.id, name: u.name, userPrincipleName: u.upn, aadObjectId: u.aadObjectId, givenName, surname, email: u.upn };
}

/** The config file's content. */
export function playgroundConfigFile(): string {
  return JSON.stringify(
    {
      version: '0.1.1',
      tenantId: TENANT,
      bot: { id: BOT.id, name: BOT.name },
      currentUser: userEntry(ALEX),
      users: [SAM, JO, KIT, PRIYA, TOM].map(userEntry),
      personalChat: { id: PERSONAL_CHAT },
      groupChat: { id: GROUP_CHAT, name: 'Pharmacy huddle' },
      team: { ...TEAM, channels: [EPRESCRIBING] },
    },
    null,
    2,
  );
}
