import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../src/index.js';

describe('field labels', () => {
  it('name a field as a person reads it, not by its path', () => {
    expect(fieldLabel('applicant.phone')).toBe('申请人手机号');
    expect(fieldLabel('items.0.text')).toBe('补正事项第 1 项内容');
    expect(fieldLabel('content.statutoryLimit')).toBe('事项内容法定时限');
    expect(fieldLabel('legalBasis')).toBe('法律依据');
  });
  it('keep a name it has no label for', () => {
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
  });
});
