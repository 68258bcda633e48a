// The words that ask any command for its help, read in one place so every command answers them alike.
const HELP_WORDS = /^(?:help|--help|-h|\?)$/i;

/** True when the whole text after a command asks for help; "help desk" is still a title or a search. */
export function isHelpRequest(text: string): boolean {
  return HELP_WORDS.test(text.trim());
}
