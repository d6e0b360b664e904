/**
 * 非税缴款码: the code on a payment notice by which the bank finds it. 20 digits: a 6-digit region, 13 random digits
 * (unguessable: drawn by the server from a cryptographic source), and a Luhn check digit, so a mistyped digit or two
 * swapped neighbours are caught before anything is looked up.
 */
export const PAYMENT_CODE_LENGTH = 20;

export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** A code as typed may carry spaces between its groups of four. */
export function normalizePaymentCode(text: string): string {
  return text.replace(/[\s-]/g, '');
}

export function isValidPaymentCode(text: string): boolean {
  const code = normalizePaymentCode(text);
  return (
    code.length === PAYMENT_CODE_LENGTH &&
    /^\d+$/.test(code) &&
    luhnCheckDigit(code.slice(0, -1)) === Number(code.at(-1))
  );
}

/** `region` (6 digits) and 13 random digits → the full code with its check digit. */
export function paymentCodeOf(region: string, random13: string): string {
  const body = `${region}${random13}`;
  if (!/^\d{19}$/.test(body)) throw new RangeError('a payment code body is 19 digits');
  return `${body}${luhnCheckDigit(body)}`;
}

/** "3301 0012 3456 7890 1234": grouped for reading aloud at the counter. */
export function formatPaymentCode(code: string): string {
  return normalizePaymentCode(code).replace(/(\d{4})(?=\d)/g, '$1 ');
}
