// `/cop` and its buttons: routes each command or review answer to the handler that owns it.
import type { CommandService, ServiceReply } from '../core/command-service';
import type { Inbound } from '../core/model';
import type { Sql } from '../store/db';
import { activeCommunityAt, type Community } from '../store/communities';
import { helpCard } from './cards/help-card';
import { noCommunityCard, notOwnerCard, statusCard } from './cards/replies';
import { parseCopCommand, type CopCommand } from './command';
import { nextSlot } from './digest-time';
import { COP_PREFIX, REVIEW_ACTIONS } from './ids';
import { channelKey, inWords, isOwner, whisper, type CopContext } from './service/context';
import { create } from './service/creating';
import { archive, changeDigestTime, changeOwner, changeTags } from './service/owning';
import { addCoOwnerTo, removeCoOwnerOf } from './service/co-owners';
import { answerReview } from './service/reviewing';
import { say } from './cards/say';

type OwnerCommand = Extract<CopCommand, { verb: 'tags' | 'owner' | 'co-owner' | 'digest' | 'archive' }>;

/** What a non-owner is told they cannot do. */
const OWNER_ONLY: Record<OwnerCommand['verb'], string> = {
  tags: 'change its tags',
  owner: 'hand it to someone else',
  'co-owner': 'change who looks after it',
  digest: 'change when its digest comes',
  archive: 'archive it',
};

export const copService: CommandService = {
  command: 'cop',
  prefix: COP_PREFIX,
  help: helpCard,
  async handle(tx: Sql, event: Inbound, now: Date): Promise<ServiceReply> {
    if (event.kind !== 'command' && event.kind !== 'action') return { say: [] };
    const ctx: CopContext = { tx, event, from: event.from, now };
    if (event.kind === 'action') {
      const isReview = (Object.values(REVIEW_ACTIONS) as string[]).includes(event.action);
      return isReview ? answerReview(ctx, event.action, event.value) : { say: [] };
    }
    return onCommand(ctx, parseCopCommand(event.text));
  },
};

async function onCommand(ctx: CopContext, command: CopCommand): Promise<ServiceReply> {
  switch (command.verb) {
    case 'help':
      return whisper(ctx, helpCard());
    case 'invalid':
      return whisper(ctx, say(command.message));
    case 'create':
      return create(ctx, command.name, command.tags);
    default: {
      // Locked, so a change and a digest step never interleave.
      const community = await activeCommunityAt(ctx.tx, channelKey(ctx.event.place), command.verb !== 'status');
      if (!community) return whisper(ctx, noCommunityCard());
      if (command.verb === 'status') return whisper(ctx, statusCard(inWords(community), nextSlot(community.digest, ctx.now)));
      if (!isOwner(community, ctx.from)) return whisper(ctx, notOwnerCard(community.owner, OWNER_ONLY[command.verb]));
      return forOwner(ctx, community, command);
    }
  }
}

function forOwner(ctx: CopContext, community: Community, command: OwnerCommand): Promise<ServiceReply> {
  switch (command.verb) {
    case 'tags':
      return changeTags(ctx, community, command.tags);
    case 'owner':
      return changeOwner(ctx, community, command.ownerId);
    case 'co-owner':
      return command.remove ? removeCoOwnerOf(ctx, community, command.ownerId) : addCoOwnerTo(ctx, community, command.ownerId);
    case 'digest':
      return changeDigestTime(ctx, community, command);
    case 'archive':
      return archive(ctx, community);
  }
}
