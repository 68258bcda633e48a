// Public face of the Teams adapter for the composition root.
export { createTeamsAdapter, TEAMS_MESSAGES_PATH, type TeamsAdapter } from './adapter';
export type { TeamsAdapterConfig, TeamsAppType } from './config';
export type { TeamsChat } from './chat';
