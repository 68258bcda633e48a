import { describeFindings, guardText, isClean, isValidNhsNumber, modulus11CheckDigit } from '../../src/privacy';

const MASK = '[NHS number removed]';

describe('NHS number check digit', () => {
  it('accepts valid numbers', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('4010232137')).toBe(true);
  });

  it('treats a remainder of 0 as check digit 0', () => {
    expect(modulus11CheckDigit([1, 0, 0, 0, 0, 0, 0, 0, 6])).toBe(0);
    expect(isValidNhsNumber('1000000060')).toBe(true);
  });

  it('rejects a wrong check digit', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('4010232138')).toBe(false);
  });

  it('rejects every number whose check digit computes to 10', () => {
    expect(modulus11CheckDigit([1, 0, 0, 0, 0, 0, 0, 0, 1])).toBeNull();
    for (let last = 0; last <= 9; last++) expect(isValidNhsNumber(`100000001${last}`)).toBe(false);
  });
});

describe('guardText', () => {
  it.each([
    ['unspaced', '9434765919'],
    ['spaced 3-3-4', '943 476 5919'],
    ['hyphenated', '943-476-5919'],
    ['spaced differently', '9434 765 919'],
    ['another valid number', '401 023 2137'],
  ])('masks a valid %s number', (_name, number) => {
    const result = guardText(number);
    expect(result.masked).toBe(MASK);
    expect(result.findings).toEqual([{ kind: 'nhs-number', label: 'NHS number' }]);
  });

  it('masks a number inside a sentence and keeps the rest', () => {
    const result = guardText('Patient 943 476 5919 was moved to Ward 7.');
    expect(result.masked).toBe(`Patient ${MASK} was moved to Ward 7.`);
    expect(isClean('Patient 943 476 5919 was moved to Ward 7.')).toBe(false);
  });

  it('masks several numbers in one text', () => {
    const result = guardText('First 9434765919, then 401-023-2137 and finally 943 476 5919.');
    expect(result.masked).toBe(`First ${MASK}, then ${MASK} and finally ${MASK}.`);
    expect(result.findings).toHaveLength(3);
  });

  it('leaves an invalid check digit alone', () => {
    const text = 'Ref 943 476 5918 and 9434765910';
    expect(guardText(text)).toEqual({ masked: text, findings: [] });
    expect(isClean(text)).toBe(true);
  });

  it('leaves a number whose check digit computes to 10 alone', () => {
    const text = 'Order 1000000010 and 100 000 0019';
    expect(guardText(text).findings).toEqual([]);
  });

  it('does not flag ten valid digits inside a longer run', () => {
    expect(isClean('Account 949434765919')).toBe(true);
    expect(isClean('Account 94347659190')).toBe(true);
    expect(isClean('Account 19434765919 end')).toBe(true);
  });

  it('does not flag ten digits spread over two groups with a double space', () => {
    expect(isClean('943  476 5919')).toBe(true);
  });

  it('finds a valid number after an invalid candidate that shares its digits', () => {
    expect(guardText('1 943 476 5919').masked).toBe(`1 ${MASK}`);
  });

  it('leaves text with no digits untouched', () => {
    expect(guardText('Nothing to see here.')).toEqual({ masked: 'Nothing to see here.', findings: [] });
  });

  it('never puts the digits into findings', () => {
    const { findings } = guardText('9434765919 and 401 023 2137');
    const serialised = JSON.stringify(findings);
    expect(serialised).not.toMatch(/\d/);
  });
});

describe('describeFindings', () => {
  it('uses the right article and plural', () => {
    expect(describeFindings(guardText('9434765919').findings)).toBe('an NHS number');
    expect(describeFindings(guardText('9434765919 4010232137').findings)).toBe('2 NHS numbers');
  });
});
