// Terminal styling; plain text when the output is a file or pipe, so transcripts stay readable.

export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  /** How a card heading looks: bold in a terminal, capitals elsewhere. */
  heading(text: string): string;
}

const ansi = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export function terminalStyle(): Style {
  const bold = ansi(1, 22);
  return { bold, dim: ansi(2, 22), heading: bold };
}

export function plainStyle(): Style {
  const same = (text: string) => text;
  return { bold: same, dim: same, heading: (text) => text.toUpperCase() };
}

/** Colour only for a real terminal, and never when NO_COLOR is set (no-color.org). */
export function styleFor(output: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): Style {
  const isTTY = (output as { isTTY?: unknown }).isTTY === true;
  return isTTY && !env['NO_COLOR'] ? terminalStyle() : plainStyle();
}
