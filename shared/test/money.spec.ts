import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CAPITAL_LIMIT_FEN,
  capitalAmount,
  formatPaymentCode,
  isValidPaymentCode,
  luhnCheckDigit,
  paymentCodeOf,
  parseYuan,
  yuanText,
} from '../src/index.js';

const DIGIT: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
const SMALL: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };

/** Reads capitals back, independently of how they were written: 万 and 亿 close a section, 拾佰仟 scale a digit. */
function readCapital(text: string): number {
  const [yuanPart, rest] = text.includes('元') ? text.split('元') : ['', text];
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of yuanPart) {
    if (ch in DIGIT) digit = DIGIT[ch];
    else if (ch in SMALL) {
      section += digit * SMALL[ch];
      digit = 0;
    } else if (ch === '万') {
      total += (section + digit) * 10_000;
      section = digit = 0;
    } else if (ch === '亿') {
      total = (total + section + digit) * 100_000_000;
      section = digit = 0;
    } else throw new Error(`unexpected ${ch} in ${text}`);
  }
  const yuan = total + section + digit;
  const jiao = /(.)角/.exec(rest)?.[1];
  const fen = /(.)分/.exec(rest)?.[1];
  return yuan * 100 + (jiao ? DIGIT[jiao] * 10 : 0) + (fen ? DIGIT[fen] : 0);
}

describe('中文大写金额', () => {
  it('reads back to the same amount for any amount below 1 万亿 yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: CAPITAL_LIMIT_FEN - 1 }), (fen) => {
        expect(readCapital(capitalAmount(fen))).toBe(fen);
      }),
      { numRuns: 5000 },
    );
  });

  it('follows the writing rules: one 零 for a run of zeros, 整 after 元 or 角 and never after 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: CAPITAL_LIMIT_FEN - 1 }), (fen) => {
        const s = capitalAmount(fen);
        expect(s).not.toMatch(/零零/);
        expect(s).not.toMatch(/^零/);
        expect(s).not.toMatch(/零[元万亿]/);
        if (fen % 10 === 0) expect(s.endsWith('整')).toBe(true);
        else expect(s.endsWith('分')).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses what is not a whole number of fen in range', () => {
    expect(() => capitalAmount(1.5)).toThrow(RangeError);
    expect(() => capitalAmount(CAPITAL_LIMIT_FEN)).toThrow(RangeError);
    expect(capitalAmount(-12000)).toBe('负壹佰贰拾元整');
  });
});

describe('yuan text', () => {
  it('parses what it writes, with no floating point', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (fen) => {
        expect(parseYuan(yuanText(fen))).toBe(fen);
      }),
    );
    expect(parseYuan('1,234.5')).toBe(123450);
    expect(parseYuan('0.1')).toBe(10);
    expect(parseYuan('12.345')).toBeNull();
    expect(parseYuan('九十')).toBeNull();
  });
});

describe('缴款码', () => {
  it('carries a Luhn check digit that catches any single wrong digit and any swap of two different neighbours', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{13}$/), fc.integer({ min: 0, max: 19 }), (random, pos) => {
        const code = paymentCodeOf('330100', random);
        expect(code).toHaveLength(20);
        expect(isValidPaymentCode(code)).toBe(true);
        expect(isValidPaymentCode(formatPaymentCode(code))).toBe(true);
        const wrong = code.slice(0, pos) + ((Number(code[pos]) + 1) % 10) + code.slice(pos + 1);
        expect(isValidPaymentCode(wrong)).toBe(false);
        if (pos < 19 && code[pos] !== code[pos + 1] && !/^(09|90)$/.test(code[pos] + code[pos + 1])) {
          const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
          expect(isValidPaymentCode(swapped)).toBe(false);
        }
      }),
    );
    expect(luhnCheckDigit('7992739871')).toBe(3);
  });
});
