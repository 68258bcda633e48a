// How every `mobilise` command declares its usage and answers --help, so no command has to do it itself.
import { UsageError } from './usage-error';

/** One command: its usage, printed for --help or -h, and what it does with the words after its name. */
export interface Command {
  /** Starts "Usage: mobilise <its words>". */
  readonly usage: string;
  run(args: string[]): Promise<void> | void;
}

/** Commands under one word (`lessons`, `org`, …), or the whole of `mobilise`. */
export interface CommandGroup {
  readonly usage: string;
  readonly commands: Readonly<Record<string, Command | CommandGroup>>;
}

const HELP = ['--help', '-h'];

/** True when --help or -h comes before any `--` (after it, words are the command's own). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => HELP.includes(a));
}

function isGroup(entry: Command | CommandGroup): entry is CommandGroup {
  return 'commands' in entry;
}

/**
 * Runs the command the words name, or writes the usage asked for and runs nothing:
 * `mobilise X Y --help`, `mobilise X Y -h` and `mobilise help X Y` print X Y's usage; a group's word alone prints the group's.
 */
export async function dispatch(group: CommandGroup, args: readonly string[], write: (text: string) => void, path: readonly string[] = []): Promise<void> {
  const [word, ...rest] = args;
  if (word === 'help' && rest.length > 0) return dispatch(group, [...rest, '--help'], write, path);
  if (word === undefined || word === 'help' || HELP.includes(word)) {
    write(`${group.usage}\n`);
    return;
  }
  const entry = Object.hasOwn(group.commands, word) ? group.commands[word] : undefined;
  const name = ['mobilise', ...path].join(' ');
  if (entry === undefined) throw new UsageError(`Unknown ${path.length === 0 ? '' : `${path.join(' ')} `}command "${word}". Run "${name} --help" for the list.`);
  if (isGroup(entry)) return dispatch(entry, rest, write, [...path, word]);
  if (asksForHelp(rest)) {
    write(`${entry.usage}\n`);
    return;
  }
  await entry.run(rest);
}

/** Every command in the tree with the words that name it, for listing and testing. */
export function commandsIn(group: CommandGroup, path: readonly string[] = []): { words: string[]; command: Command }[] {
  return Object.entries(group.commands).flatMap(([word, entry]) =>
    isGroup(entry) ? commandsIn(entry, [...path, word]) : [{ words: [...path, word], command: entry }],
  );
}
