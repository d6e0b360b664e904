import { randomInt } from 'node:crypto';

// No 0/O/1/I/L: read aloud over the phone and typed from paper.
const QUERY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** A 查询码: with a record's number it opens the record's public page (a case, a bundle, a complaint). */
export function newQueryCode(): string {
  return Array.from({ length: 6 }, () => QUERY_ALPHABET[randomInt(QUERY_ALPHABET.length)]).join('');
}
