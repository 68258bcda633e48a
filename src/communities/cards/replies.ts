// What /cop and the review buttons say back: short, and naming what to do next.
import { card, type Card } from '../../core/card';
import { mention, type Person } from '../../core/model';
import { dayTimeInWords, digestTimeInWords, type DigestTime } from '../digest-time';
import { say } from './say';
import { tagsInWords } from './wording';
import { listOf } from '../../core/wording';
import type { Place } from '../../core/model';
import { howToAddMobilise } from '../../core/platform-words';

export interface CommunityInWords {
  name: string;
  tags: string[];
  owner: Person;
  coOwners: Person[];
  digest: DigestTime;
  channel: string;
}

/** "<@U1>", or "<@U1> with <@U2> and <@U3>" when it has co-owners. */
function lookedAfterBy(c: CommunityInWords): string {
  return c.coOwners.length === 0 ? mention(c.owner) : `${mention(c.owner)} with ${listOf(c.coOwners.map(mention))}`;
}

export function noCommunityCard(): Card {
  return say('This channel isn’t a community of practice yet. Anyone here can start one with /cop create <name> #tag, for example /cop create Sepsis champions #sepsis.');
}

export function alreadyCommunityCard(c: CommunityInWords): Card {
  return say(
    `This channel is already the community ${c.name} (${tagsInWords(c.tags)}), looked after by ${mention(c.owner)}. ` +
      'A channel has one community at a time; /cop status shows it.',
  );
}

export function notOwnerCard(owner: Person, what: string): Card {
  return say(`Only ${mention(owner)}, who looks after this community, can ${what}. Please ask them.`);
}

export function createdCard(c: CommunityInWords, nextDigest: Date): Card {
  return say(
    `Done: this channel is now the community ${c.name}, and you look after it. ` +
      `The first digest comes on ${dayTimeInWords(nextDigest, c.digest.timeZone)}. ` +
      'You can change its tags (/cop tags), its day and time (/cop digest), or hand it on (/cop owner).',
  );
}

/** Posted in the channel when it becomes a community, so everyone knows what the digest is. */
export function announcementCard(c: CommunityInWords, nextDigest: Date): Card {
  const about =
    `${mention(c.owner)} has made this channel a community of practice: *${c.name}*. Its domain is ${tagsInWords(c.tags)}.`;
  const digest =
    `${digestTimeInWords(c.digest).replace(/^e/, 'E')} I’ll post a digest here: new and newly approved lessons with these tags, ` +
    `actions due, the lessons people found most useful, and who contributed. The first is on ${dayTimeInWords(nextDigest, c.digest.timeZone)}.`;
  return card(`${about} ${digest}`, { type: 'heading', text: c.name }, { type: 'paragraph', text: about }, { type: 'paragraph', text: digest });
}

export function tagsChangedCard(c: CommunityInWords): Card {
  return say(`The domain of ${c.name} is now ${tagsInWords(c.tags)}. The next digest follows these tags.`);
}

export function sameOwnerCard(owner: Person): Card {
  return say(`${mention(owner)} already looks after this community.`);
}

export function ownerChangedCard(c: CommunityInWords): Card {
  return say(`${mention(c.owner)} now looks after ${c.name}. I’ve let them know.`);
}

export function newOwnerCard(c: CommunityInWords, by: Person): Card {
  return say(
    `${mention(by)} has asked you to look after the community of practice ${c.name} in <#${c.channel}>. ` +
      'You can change its tags, digest time and owner there; /cop help lists how.',
  );
}

export function coOwnerAddedCard(c: CommunityInWords, added: Person): Card {
  return say(`${mention(added)} now looks after ${c.name} with you: they can approve its lessons and change its settings. I’ve let them know.`);
}

export function alreadyCoOwnerCard(person: Person): Card {
  return say(`${mention(person)} already looks after this community.`);
}

export function coOwnerRemovedCard(c: CommunityInWords, removed: Person): Card {
  return say(`${mention(removed)} no longer looks after ${c.name}.`);
}

export function notCoOwnerCard(person: Person, lead: Person): Card {
  return say(`${mention(person)} isn’t a co-owner of this community, so there is nothing to change. To hand on the lead from ${mention(lead)}, use /cop owner @person.`);
}

export function newCoOwnerCard(c: CommunityInWords, by: Person): Card {
  return say(
    `${mention(by)} has asked you to help look after the community of practice ${c.name} in <#${c.channel}>. ` +
      'You can approve lessons for its tags and change its tags and digest time there; /cop help lists how.',
  );
}

export function digestTimeChangedCard(c: CommunityInWords, nextDigest: Date): Card {
  return say(`The digest of ${c.name} now comes ${digestTimeInWords(c.digest)}. The next one is on ${dayTimeInWords(nextDigest, c.digest.timeZone)}.`);
}

export function archivedCard(name: string): Card {
  return say(`${name} is archived: no more digests. Its lessons stay in the library, and this channel can start a new community any time.`);
}

/** Posted in the channel, so members know why the digest stopped. */
export function archivedNoteCard(name: string, by: Person, tags: string[]): Card {
  const search = tags[0] === undefined ? '' : ` (for example /lessons #${tags[0]})`;
  return say(`${mention(by)} has closed the community ${name}, so its weekly digest has stopped. Its lessons stay in the library${search}.`);
}

export function alreadyArchivedCard(): Card {
  return say('That community is already archived, so there is nothing to change.');
}

export function statusCard(c: CommunityInWords, nextDigest: Date): Card {
  const text =
    `This channel is the community ${c.name}, looked after by ${lookedAfterBy(c)}. Its domain: ${tagsInWords(c.tags)}. ` +
    `The digest comes ${digestTimeInWords(c.digest)}; the next one is on ${dayTimeInWords(nextDigest, c.digest.timeZone)}.`;
  return say(text);
}

export function keepCard(name: string): Card {
  return say(`Thank you: ${name} carries on, with its digest every week. If it stays quiet I’ll ask again in eight weeks.`);
}

export function evolveCard(name: string, channel: string): Card {
  return say(
    `Good idea. In <#${channel}>, /cop tags #tag #tag changes what ${name} follows, /cop owner @person hands it on, ` +
      'and /cop digest friday 16:00 moves the digest. Inviting people who work in the new domain helps most.',
  );
}

/** To the owner when the community's channel refuses the bot; nothing else can reach the channel until it is fixed. */
export function channelRefusedCard(place: Place, name: string): Card {
  return say(
    `I couldn't post in <#${place.channel}> for the community of practice ${name}, probably because I'm not a member of it. ` +
      `Please ${howToAddMobilise(place.platform)} so the channel gets its weekly digest.`,
  );
}
