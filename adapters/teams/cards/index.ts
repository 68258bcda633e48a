// Adaptive Cards for Teams: the neutral Card and FormSpec rendered, and their submissions read back.
export { renderCard, LIMITS, MORE_TEXT, CHAT_LABEL, MEETING_LABEL } from './render-card';
export { renderForm, RESERVED_FIELD_IDS } from './render-form';
export { readSubmission, readExecute, readDialogSubmit, type Submission } from './submission';
export { ADAPTIVE_CARD_TYPE, CARD_VERSION, type AdaptiveCardJson, type MentionEntity, type RenderContext, type TeamsMessage, type TeamsCardMessage, type TeamsTextMessage } from './adaptive-card';
