// The sandbox shows card text's `*bold*` as terminal bold, or as plain words in a file or pipe, never as stars.
import type { Card } from '../../../src/core/card';
import { renderCard } from '../../../adapters/console/render-card';
import { plainStyle, terminalStyle } from '../../../adapters/console/style';

const nameOf = (id: string): string | undefined => (id === 'U1' ? 'Priya' : undefined);

const lessonCard: Card = {
  text: '*Printer queues* need a named owner',
  blocks: [
    { type: 'heading', text: 'Printer queues' },
    { type: 'paragraph', text: '*Recommendation:* name an owner for the ward printers\n*What happened:* labels stopped at 10:40' },
    { type: 'fields', fields: [{ label: 'Status', value: '*validated* by <@U1>' }] },
    { type: 'context', text: 'From *Ward 7 go-live*' },
  ],
};

describe('renderCard', () => {
  it('shows bold spans without their stars when the output is not a terminal', () => {
    const lines = renderCard(lessonCard, plainStyle(), nameOf);
    expect(lines).toEqual([
      'PRINTER QUEUES',
      'Recommendation: name an owner for the ward printers',
      'What happened: labels stopped at 10:40',
      'Status: validated by @Priya',
      'From Ward 7 go-live',
    ]);
  });

  it('shows bold spans as terminal bold in a terminal', () => {
    const lines = renderCard(lessonCard, terminalStyle(), nameOf);
    expect(lines[1]).toBe('\u001b[1mRecommendation:\u001b[22m name an owner for the ward printers');
    expect(lines.join('\n')).not.toContain('*');
  });

  it('leaves stars that are not markup as typed', () => {
    const card: Card = { text: 'Dose 2 * 3 * 4 mg, file*name and a lone * here', blocks: [] };
    expect(renderCard(card, plainStyle(), nameOf)).toEqual(['Dose 2 * 3 * 4 mg, file*name and a lone * here']);
  });
});
