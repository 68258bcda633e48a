// The links a card's Action.OpenUrl buttons open, by their titles, wherever in the card they sit.
export function openUrlsOf(card: unknown): Map<string, URL> {
  const found = new Map<string, URL>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const o = node as Record<string, unknown>;
      if (o.type === 'Action.OpenUrl' && typeof o.url === 'string') found.set(String(o.title), new URL(o.url));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}
