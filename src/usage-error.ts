/** Bad usage of the `mobilise` command: a one-line message naming what is wrong, and exit code 2. */
export class UsageError extends Error {}
