// Slack wants action ids unique within a block, but flows reuse one action with different values.

const SUFFIX = /#\d+$/;

/** The n-th repeat of an action inside one actions block gets '#n' appended (n >= 1). */
export function encodeActionId(action: string, repeat: number): string {
  return repeat === 0 ? action : `${action}#${repeat}`;
}

export function decodeActionId(actionId: string): string {
  return actionId.replace(SUFFIX, '');
}
