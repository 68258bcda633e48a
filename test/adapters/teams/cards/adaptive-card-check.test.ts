// The card check itself: it must fail the cards Teams would reject or render wrongly.
import { adaptiveCardProblems, expectValidAdaptiveCard } from '../../../support/adaptive-card-check';

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'AdaptiveCard', version: '1.5', body, ...extra });
const mention = (text: string, id = '29:a') => ({ type: 'mention', text, mentioned: { id, name: 'A' } });

describe('adaptiveCardProblems', () => {
  it('passes a plain card, and a people picker with no choices of its own', () => {
    expect(adaptiveCardProblems(card([{ type: 'TextBlock', text: 'Hi' }]))).toEqual([]);
    const picker = { type: 'Input.ChoiceSet', id: 'who', label: 'Who', choices: [], 'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' } };
    expect(adaptiveCardProblems(card([picker]))).toEqual([]);
  });

  it.each([
    ['not an object', 'card', /not a JSON object/],
    ['the wrong type', { type: 'HeroCard', version: '1.5', body: [] }, /not AdaptiveCard/],
    ['no version', { type: 'AdaptiveCard', body: [] }, /not a card version/],
    ['a version newer than Teams renders', card([], { version: '1.6' }), /newer than Teams/],
    ['an unknown element', card([{ type: 'Carousel2' }]), /Unknown element type/],
    ['an unknown action', card([{ type: 'ActionSet', actions: [{ type: 'Action.Teleport', title: 'Go' }] }]), /Unknown action type/],
    ['an invalid value', card([{ type: 'TextBlock', text: 'x', size: 'Huge' }]), /Invalid value "Huge"/],
    ['a misspelt property', card([{ type: 'Input.Text', id: 'a', label: 'A', isMultiLine: true }]), /unknown property "isMultiLine"/],
    ['a misspelt fact property', card([{ type: 'FactSet', facts: [{ title: 'a', val: 'b' }] }]), /unknown property "val"/],
    ['an input without an id', card([{ type: 'Input.Text', label: 'A' }]), /no id/],
    ['two inputs with one id', card([{ type: 'Input.Text', id: 'a', label: 'A' }, { type: 'Input.Toggle', id: 'a', title: 'T', label: 'B' }]), /used twice/],
    ['a required input without an error message', card([{ type: 'Input.Text', id: 'a', label: 'A', isRequired: true }]), /error message/],
    ['a select with no choices', card([{ type: 'Input.ChoiceSet', id: 's', label: 'S', choices: [] }]), /at least one choice/],
    ['a feature newer than the card', card([{ type: 'Input.Text', id: 'a', label: 'A' }], { version: '1.2' }), /supported in version 1.3/],
    ['submit data that is a string', card([{ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Go', data: 'x' }] }]), /not an object/],
    ['a link with no url', card([{ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: 'Go' }] }]), /url/],
    ['an <at> tag with no entity', card([{ type: 'TextBlock', text: 'Hi <at>A</at>' }]), /has no mention entity/],
    ['an entity with no <at> tag', card([{ type: 'TextBlock', text: 'Hi' }], { msteams: { entities: [mention('<at>A</at>')] } }), /no matching <at> tag/],
    ['an entity without an id', card([{ type: 'TextBlock', text: '<at>A</at>' }], { msteams: { entities: [mention('<at>A</at>', '')] } }), /no mentioned id/],
    ['a card too big for Teams', card([{ type: 'TextBlock', text: 'x'.repeat(30_000) }]), /bytes, over Teams/],
  ])('fails %s', (_what, json, problem) => {
    const problems = adaptiveCardProblems(json);
    expect(problems.some((p) => problem.test(p))).toBe(true);
    expect(() => expectValidAdaptiveCard(json)).toThrow(/invalid Adaptive Card/);
  });
});
