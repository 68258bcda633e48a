// Action and form ids that coffee cards send out and expect back.

export const COFFEE_ACTIONS = {
  join: 'coffee:join',
  leave: 'coffee:leave',
  met: 'coffee:met',
  comment: 'coffee:comment',
} as const;

export const COMMENT_FORM_ID = 'coffee:comment';
export const COMMENT_FIELD = 'comment';
export const COMMENT_MAX_LENGTH = 500;
