/**
 * Resident identity card number (居民身份证号码, GB 11643-1999): 6-digit region,
 * 8-digit birth date, 3-digit sequence, 1 check character (ISO 7064 MOD 11-2).
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type ResidentIdProblem = 'FORMAT' | 'REGION' | 'BIRTH_DATE' | 'CHECK_CHAR';

/** Returns null when valid, else what is wrong. Lower-case x is accepted as X. */
export function checkResidentId(value: string, today: Date = new Date()): ResidentIdProblem | null {
  const v = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(v)) return 'FORMAT';
  if (v[0] === '0' || v[0] === '9') return 'REGION';
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > today.getTime()) {
    return 'BIRTH_DATE';
  }
  if (residentIdCheckChar(v) !== v[17]) return 'CHECK_CHAR';
  return null;
}

export function isValidResidentId(value: string): boolean {
  return checkResidentId(value) === null;
}

export function normalizeResidentId(value: string): string {
  return value.trim().toUpperCase();
}
