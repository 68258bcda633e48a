// How many sit out, and how many trios and pairs the rest make, for a given number of people.

export interface Shape {
  sitOut: number;
  trios: number;
  pairs: number;
}

export function planShape(people: number, groupSize: 2 | 3, oddOneOut: 'trio' | 'sit-out'): Shape {
  if (people <= 1) return { sitOut: people, trios: 0, pairs: 0 };
  if (groupSize === 2) {
    if (people % 2 === 0) return { sitOut: 0, trios: 0, pairs: people / 2 };
    if (oddOneOut === 'sit-out') return { sitOut: 1, trios: 0, pairs: (people - 1) / 2 };
    return { sitOut: 0, trios: 1, pairs: (people - 3) / 2 };
  }
  // Two people cannot make a trio, and sitting both out would leave nobody to meet: they pair.
  if (people === 2) return { sitOut: 0, trios: 0, pairs: 1 };
  const rest = people % 3;
  if (rest === 0) return { sitOut: 0, trios: people / 3, pairs: 0 };
  if (oddOneOut === 'sit-out') return { sitOut: rest, trios: (people - rest) / 3, pairs: 0 };
  // One left over: two pairs instead of one trio; two left over: one pair.
  return rest === 1 ? { sitOut: 0, trios: (people - 4) / 3, pairs: 2 } : { sitOut: 0, trios: (people - 2) / 3, pairs: 1 };
}
