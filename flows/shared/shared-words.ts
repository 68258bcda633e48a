// Whether two texts share a meaningful word: how a proposed lesson finds the answers it is made of.

/** Common words that say nothing about what a lesson is about (checked before and after endings are taken off). */
const STOP_WORDS = new Set(
  `the and for are was were but not had has have having our ours ours you your yours they them their theirs there then than
   this that these those with without into onto from what when where which while who whom whose why how all any both each
   few more most other some such only own same too very can could should would will shall may might must did does doing done
   been being get got gets getting just also about above after again against before below between during over under
   out off once here further nor yes its it's let lets we'd we'll we're we've i'd i'll i'm i've she her hers him his
   because until till upon onto via per one two three four five six seven eight nine ten first second next last
   every everyone everything someone something anyone anything nobody nothing none many much well still even
   day days week weeks time times today tomorrow yesterday went go going goes make made makes take took need needs
   thing things way ways lot lots really sure`.split(/\s+/),
);

const MIN_LENGTH = 3;
const ENDINGS = ['ies', 'ing', 'ed', 'es', 's'] as const;

/** A rough stem, so 'requested' meets 'request' and 'queues' meets 'queue'; it need not be a real word. */
function stem(word: string): string {
  let w = word;
  for (const ending of ENDINGS) {
    if (w.length < ending.length + 3 || !w.endsWith(ending)) continue;
    // 'access' and 'process' keep their double s.
    if (ending === 's' && w.endsWith('ss')) break;
    w = ending === 'ies' ? `${w.slice(0, -3)}y` : w.slice(0, -ending.length);
    break;
  }
  return w.length > MIN_LENGTH && w.endsWith('e') ? w.slice(0, -1) : w;
}

/** The words of a text that carry meaning: no stop words, no words under three letters, no bare numbers, mentions or links. */
export function meaningfulWords(text: string): Set<string> {
  const plain = text.replace(/<[^>]*>/g, ' ').replace(/\bhttps?:\/\/\S+/gi, ' ').toLowerCase();
  const words = new Set<string>();
  for (const word of plain.match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (word.length < MIN_LENGTH || !/\p{L}/u.test(word) || STOP_WORDS.has(word)) continue;
    const stemmed = stem(word);
    if (!STOP_WORDS.has(stemmed)) words.add(stemmed);
  }
  return words;
}

/** Whether two texts share a meaningful word; words of `common` (what everything is about, e.g. a review's title) don't count. */
export function sharesWords(a: string, b: string, common = ''): boolean {
  const everywhere = meaningfulWords(common);
  const words = meaningfulWords(a);
  return [...meaningfulWords(b)].some((w) => words.has(w) && !everywhere.has(w));
}
