/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (no I, O, S, V, Z); the last is a check character (MOD 31).
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = ALPHABET.indexOf(first17[i]);
    if (n < 0) throw new RangeError(`character ${first17[i]} is not allowed in a credit code`);
    sum += n * WEIGHTS[i];
  }
  const c = (31 - (sum % 31)) % 31;
  return ALPHABET[c];
}

export type CreditCodeProblem = 'FORMAT' | 'CHECK_CHAR';

export function checkCreditCode(value: string): CreditCodeProblem | null {
  const v = value.toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(v)) return 'FORMAT';
  if (creditCodeCheckChar(v.slice(0, 17)) !== v[17]) return 'CHECK_CHAR';
  return null;
}

export function isValidCreditCode(value: string): boolean {
  return checkCreditCode(value) === null;
}
