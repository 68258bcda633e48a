// The few things the bot says that depend on the platform's own vocabulary.
import type { Platform } from './model';

/** How someone lets Mobilise into a channel where it cannot post yet. */
export function howToAddMobilise(platform: Platform): string {
  return platform === 'teams'
    ? 'add me to the team (in Teams: Apps, find Mobilise, then Add to a team)'
    : 'invite me (for example with /invite @Mobilise)';
}
