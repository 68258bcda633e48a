import { modalErrors } from '../../../adapters/slack/modal-errors';

describe('a modal\'s problems for Slack', () => {
  it('puts each problem under its field, joining two for one field', () => {
    expect(
      modalErrors([
        { field: 'due', message: "There's no 31 February." },
        { field: 'text', message: 'Please say what will be done.' },
        { field: 'due', message: 'Please try again.' },
      ]),
    ).toEqual({ response_action: 'errors', errors: { due: "There's no 31 February. Please try again.", text: 'Please say what will be done.' } });
  });

  it('cuts a long problem at a word, so it reads under an input', () => {
    const { errors } = modalErrors([{ field: 'f', message: 'word '.repeat(200) }]);
    expect(errors.f?.length).toBeLessThanOrEqual(300);
    expect(errors.f?.endsWith('word…')).toBe(true);
  });
});
