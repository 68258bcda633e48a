// What every identifier detector provides, so new kinds can join the guard's list.

/** Where an identifier sits in a text: [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

export interface Detector {
  /** Stable machine name, e.g. 'nhs-number'. */
  kind: string;
  /** What people call it, e.g. 'NHS number'. */
  label: string;
  /** The indefinite article that reads right before the label ('an NHS number'). */
  article: 'a' | 'an';
  find(text: string): Span[];
}
