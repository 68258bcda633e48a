/** Time comes from here, so tests can drive it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
