// Giving back text Mobilise would not keep, so nothing typed is lost: said first, then the text in pieces a Slack section holds.
import { card, type Card } from '../../src/core/card';

/** Under Slack's 3,000 characters for one section, so a long text comes back whole in several. */
const ECHO_BLOCK_LENGTH = 2_900;

export function echoCard(said: string, text: string): Card {
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += ECHO_BLOCK_LENGTH) pieces.push(text.slice(at, at + ECHO_BLOCK_LENGTH));
  return card(`${said}\n${text}`, { type: 'paragraph', text: said }, ...pieces.map((piece) => ({ type: 'paragraph' as const, text: piece })));
}
