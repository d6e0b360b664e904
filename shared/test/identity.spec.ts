import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  checkResidentId,
  creditCodeCheckChar,
  maskName,
  maskPhone,
  maskResidentId,
  residentIdCheckChar,
} from '../src/index.js';

describe('resident ID number', () => {
  it('accepts the GB 11643 sample number, with upper or lower case X', () => {
    expect(checkResidentId('11010519491231002X')).toBeNull();
    expect(checkResidentId('11010519491231002x')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(checkResidentId('110105194912310021')).toBe('CHECK_CHAR');
    expect(checkResidentId('1101051949123100')).toBe('FORMAT');
    expect(checkResidentId('11010519491331002X')).toBe('BIRTH_DATE'); // month 13
    expect(checkResidentId('11010519490230002X')).toBe('BIRTH_DATE'); // 30 February
    expect(checkResidentId('01010519491231002X')).toBe('REGION');
    expect(checkResidentId('110105209912310020', new Date('2026-01-01'))).toBe('BIRTH_DATE'); // born in the future
  });

  const body17 = fc
    .tuple(
      fc.integer({ min: 110000, max: 829999 }),
      fc.date({ min: new Date('1920-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(
      ([region, birth, seq]) =>
        `${region}${birth.toISOString().slice(0, 10).replaceAll('-', '')}${String(seq).padStart(3, '0')}`,
    );

  it('any well-formed number with its computed check char is valid; any other check char is not', () => {
    fc.assert(
      fc.property(body17, fc.constantFrom(...'0123456789X'), (b, other) => {
        const good = b + residentIdCheckChar(b);
        expect(checkResidentId(good)).toBeNull();
        if (other !== good[17]) expect(checkResidentId(b + other)).toBe('CHECK_CHAR');
      }),
    );
  });
});

describe('unified social credit code', () => {
  it('accepts a published code and rejects a changed check character', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(checkCreditCode('91350100M000100Y44')).toBe('CHECK_CHAR');
    expect(checkCreditCode('91350100M000100Y4')).toBe('FORMAT');
    expect(checkCreditCode('91350100I000100Y43')).toBe('FORMAT'); // I is not in the alphabet
  });

  it('a single changed character is always detected', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const body = fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }).map((a) => a.join(''));
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.constantFrom(...alphabet), (b, pos, ch) => {
        const code = b + creditCodeCheckChar(b);
        expect(checkCreditCode(code)).toBeNull();
        if (ch !== b[pos]) {
          const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
          expect(checkCreditCode(changed)).toBe('CHECK_CHAR');
        }
      }),
    );
  });
});

describe('masking', () => {
  it('hides the middle of ID numbers, phones and names', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110***********002X');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳小明')).toBe('欧**明');
    expect(maskName('李')).toBe('李');
  });
});
