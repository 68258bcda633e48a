// The owner's answer to the reviewing questions: keep it, evolve it, or close and archive it.
import type { ServiceReply } from '../../core/command-service';
import { communityById } from '../../store/communities';
import { alreadyArchivedCard, evolveCard, keepCard, notOwnerCard } from '../cards/replies';
import { REVIEW_ACTIONS } from '../ids';
import { archive } from './owning';
import { isOwner, whisper, type CopContext } from './context';

export async function answerReview(ctx: CopContext, action: string, communityId: string | undefined): Promise<ServiceReply> {
  const community = communityId === undefined ? undefined : await communityById(ctx.tx, ctx.from.tenant, communityId, true);
  if (community?.status !== 'active') return whisper(ctx, alreadyArchivedCard());
  if (!isOwner(community, ctx.from)) return whisper(ctx, notOwnerCard(community.owner, 'answer for it'));
  switch (action) {
    case REVIEW_ACTIONS.keep:
      return whisper(ctx, keepCard(community.name));
    case REVIEW_ACTIONS.evolve:
      return whisper(ctx, evolveCard(community.name, community.place.channel));
    case REVIEW_ACTIONS.archive:
      return archive(ctx, community);
    default:
      return { say: [] };
  }
}
