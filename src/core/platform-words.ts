// The few things the bot says that depend on the platform's own vocabulary.
import type { Platform } from './model';

/** The platform's name, as people call it. */
export function platformName(platform: Platform): string {
  return platform === 'teams' ? 'Teams' : platform === 'slack' ? 'Slack' : 'the chat';
}

/** How someone lets Mobilise into a channel where it cannot post yet. */
export function howToAddMobilise(platform: Platform): string {
  return platform === 'teams'
    ? 'add me to the team (in Teams: Apps, find Mobilise, then Add to a team)'
    : 'invite me (for example with /invite @Mobilise)';
}
