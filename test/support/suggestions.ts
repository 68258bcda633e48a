// Every command Mobilise suggests in what it says ("type /coffee setup to try again"), read from the string literals in the code.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export interface Suggestion {
  /** Where it is written, e.g. src/coffee/cards/status-card.ts. */
  file: string;
  /** The command without its slash, e.g. 'coffee'. */
  name: string;
  /** What a person would type after the command, placeholders filled in. */
  text: string;
  /** The suggestion as written, for the test's name. */
  written: string;
}

const ROOT = join(__dirname, '..', '..');
const FOLDERS = ['src', 'flows', 'adapters'];
/** Stands for a `${...}` in a template: nothing after it is known, so it ends a suggestion. */
const HOLE = '\uE000';
// Prose ends a suggestion: a closing bracket, a sentence's end, a list's bar, a wide gap (the console's columns), a dash.
const END = /[)\];|!?\n`\uE000—]|[.,:](?=\s|$)|\s{2,}/;
/** Words that carry on the sentence rather than the command ("/coffee setup to try again", "/cop status shows it"). */
const PROSE = new Set(['to', 'and', 'or', 'at', 'if', 'on', 'as', 'in', 'with', 'then', 'so', 'does', 'lists', 'shows', 'changes', 'moves', 'hands', 'clears', 'afterwards', 'will']);
// <name>, <title>, <words>: whatever the reader puts there.
const PLACEHOLDER = /<[^<>@#]+>/g;
// @person and @Sam arrive as a platform mention once typed.
const AT_NAME = /^@([A-Za-z]\w*)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The text of every string and template literal in a file; a template's `${...}` becomes HOLE. */
function literals(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    else if (ts.isTemplateExpression(node)) found.push(node.head.text + node.templateSpans.map((s) => HOLE + s.literal.text).join(''));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The words after `/<name>` up to where the sentence takes over. */
function wordsAfter(rest: string): string[] {
  const end = END.exec(rest);
  const span = end ? rest.slice(0, end.index) : rest;
  const words = span.split(/\s+/).filter((w) => w !== '');
  // A word run straight into a `${...}` ("#${tag}") is only part of a word, so it goes too.
  if (end?.[0] === HOLE && words.length > 0 && !/\s$/.test(span)) words.pop();
  const prose = words.findIndex((w) => PROSE.has(w.toLowerCase()));
  return prose < 0 ? words : words.slice(0, prose);
}

function filledIn(words: string[]): string {
  return words.map((w) => w.replace(AT_NAME, '<@$1>')).join(' ');
}

/** Each `/<command> ...` (or Teams' `@Mobilise <command> ...`) that the code's texts suggest, once per file and text. */
export function collectSuggestions(commands: readonly string[]): Suggestion[] {
  const mention = new RegExp(`(?:^|[\\s"'\`(])(?:/|@Mobilise )(${commands.join('|')})(?![\\w/-])`, 'g');
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const path of FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f)))) {
    const file = relative(ROOT, path);
    for (const literal of literals(path)) {
      for (const match of literal.matchAll(mention)) {
        const name = match[1] ?? '';
        const rest = literal.slice((match.index ?? 0) + match[0].length);
        // A placeholder is one word however many it holds ("<what you will do>").
        const written = [`/${name}`, ...wordsAfter(rest.replace(PLACEHOLDER, (p) => p.replace(/\s/g, '\uE001')))].join(' ').replace(/\uE001/g, ' ');
        const words = wordsAfter(rest.replace(PLACEHOLDER, 'Ward 9 handover'));
        const key = `${file} ${written}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ file, name, text: filledIn(words), written });
      }
    }
  }
  return out;
}
