// The owner's answer to the reviewing questions: keep it, evolve it, or close and archive it.
import { parseButtonValue, refuseButton, valueParts } from '../../core/button-value';
import type { ServiceReply } from '../../core/command-service';
import { organisationOf } from '../../core/organisation';
import { communityById } from '../../store/communities';
import { alreadyArchivedCard, evolveCard, keepCard, notOwnerCard } from '../cards/replies';
import { REVIEW_ACTIONS } from '../ids';
import { archive } from './owning';
import { isOwner, whisper, type CopContext } from './context';

export async function answerReview(ctx: CopContext, action: string, communityId: string | undefined): Promise<ServiceReply> {
  const id = parseButtonValue(valueParts.id, communityId, ctx.from);
  if (!id.ok) return id.refusal;
  const community = await communityById(ctx.tx, organisationOf(ctx.event), id.value, true);
  // Communities are archived, never deleted: one not found is another organisation's or was never made.
  if (!community) return refuseButton(ctx.from);
  if (community.status !== 'active') return whisper(ctx, alreadyArchivedCard());
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
