// Every card of Randomised Coffee Trials, and the ids and values they carry.
export { announcementCard, type AnnouncementInput } from './announcement-card';
export { formatDay, formatDayTime, formatSlot, groupsInWords, scheduleInWords, zoneLabel } from './dates';
export {
  feedbackAnswerSchema,
  feedbackAnswerValue,
  feedbackTargetSchema,
  feedbackTargetValue,
  MEETING_ANSWERS,
  feedbackAnswerValueSchema,
  feedbackTargetValueSchema,
  type FeedbackAnswer,
  type FeedbackTarget,
  type MeetingAnswer,
} from './feedback-answer';
export { feedbackCard, type FeedbackInput } from './feedback-card';
export { commentForm, feedbackThanksCard, type FeedbackThanksInput } from './feedback-thanks-card';
export { helpCard } from './help-card';
export { COFFEE_ACTIONS, COMMENT_FIELD, COMMENT_FORM_ID, COMMENT_MAX_LENGTH } from './ids';
export { introCard, type IntroInput } from './intro-card';
export {
  alreadyInCard,
  joinedCard,
  leftCard,
  notMemberCard,
  notPausedCard,
  pausedCard,
  resumedCard,
  teamClearedCard,
  teamSetCard,
} from './member-notices';
export {
  invalidCommandCard,
  noProgrammeCard,
  notOrganiserCard,
  programmeExistsCard,
  programmeStoppedCard,
  setupProblemsCard,
  setupSavedCard,
} from './programme-notices';
export { reminderCard, type ReminderInput } from './reminder-card';
export { roundNoteCard, type RoundNoteInput } from './round-note-card';
export { sitOutCard, type SitOutInput } from './sit-out-card';
export { statsCard, type StatsInput } from './stats-card';
export { statusCard, type StatusInput } from './status-card';
export { summaryCard, type SummaryInput } from './summary-card';
