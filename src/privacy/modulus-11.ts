// The NHS number check digit: Modulus 11 with weights 10..2 over the first nine digits.

/** The check digit for nine digits, or null when the remainder makes every tenth digit invalid. */
export function modulus11CheckDigit(firstNine: readonly number[]): number | null {
  if (firstNine.length !== 9) return null;
  const sum = firstNine.reduce((total, digit, i) => total + digit * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

export function isValidNhsNumber(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const values = [...digits].map(Number);
  return modulus11CheckDigit(values.slice(0, 9)) === values[9];
}
