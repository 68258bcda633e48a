// Public face of the Slack adapter for the composition root.
export { createSlackAdapter, SLACK_EVENTS_PATH, type SlackAdapter } from './adapter';
export type { SlackAdapterConfig } from './config';
export type { SlackChat } from './chat';
