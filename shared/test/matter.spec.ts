import { describe, expect, it } from 'vitest';
import { checkMatterContent, type MatterContent, matterCode, MATTER_CODE_PATTERN } from '../src/index.js';

const base: MatterContent = {
  name: '食品经营许可',
  matterType: 'ADMINISTRATIVE_LICENSE',
  departmentId: 'd-scjg',
  windowId: null,
  audience: 'BOTH',
  themes: ['开办企业'],
  lifeEvents: [],
  keywords: ['餐饮', '食品'],
  description: '从事食品销售和餐饮服务',
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  acceptanceConditions: '有与经营的食品品种、数量相适应的经营场所',
  materials: [{ name: '食品经营许可申请书', form: 'ORIGINAL', copies: 1, required: true, deferrable: false }],
  procedure: ['申请', '受理', '审查', '决定'],
  statutoryLimit: { value: 20, unit: 'WORKING_DAY' },
  promisedLimit: { value: 10, unit: 'WORKING_DAY' },
  handlingKind: 'PROMISED',
  coDepartments: [],
  feeItemCodes: [],
  visitsOnSite: 1,
  specialProcedures: [],
  onlineAvailable: true,
  contactPhone: '0571-12345678',
  complaintPhone: '12345',
};
const fees = [
  { code: 'F001', legalBasis: '《不动产登记暂行条例》', active: true },
  { code: 'F002', legalBasis: '', active: true },
  { code: 'F003', legalBasis: '依据', active: false },
];
const check = (patch: Partial<MatterContent>) => checkMatterContent({ ...base, ...patch }, fees);

describe('publishing rules', () => {
  it('a complete matter passes', () => {
    expect(check({})).toEqual({});
  });

  it('promised ≤ statutory, also across units', () => {
    expect(check({ promisedLimit: { value: 21, unit: 'WORKING_DAY' } }).promisedLimit).toEqual([
      '承诺时限不得超过法定时限',
    ]);
    expect(
      check({ statutoryLimit: { value: 1, unit: 'MONTH' }, promisedLimit: { value: 20, unit: 'WORKING_DAY' } }),
    ).toEqual({});
    expect(
      check({ statutoryLimit: { value: 20, unit: 'NATURAL_DAY' }, promisedLimit: { value: 20, unit: 'WORKING_DAY' } })
        .promisedLimit,
    ).toBeTruthy();
  });

  it('绿色通道: the green-channel limit is shorter than the promised one, above 0, and not for 即办件', () => {
    // base: promised 10 working days
    expect(check({ greenChannelLimit: { value: 5, unit: 'WORKING_DAY' } })).toEqual({});
    expect(check({ greenChannelLimit: null })).toEqual({});
    expect(check({ greenChannelLimit: { value: 10, unit: 'WORKING_DAY' } }).greenChannelLimit).toEqual([
      '绿色通道时限须短于承诺时限',
    ]);
    expect(check({ greenChannelLimit: { value: 14, unit: 'NATURAL_DAY' } }).greenChannelLimit).toEqual([
      '绿色通道时限须短于承诺时限',
    ]);
    expect(check({ greenChannelLimit: { value: 0, unit: 'WORKING_DAY' } }).greenChannelLimit).toEqual([
      '绿色通道时限须大于 0',
    ]);
    expect(
      check({
        handlingKind: 'IMMEDIATE',
        promisedLimit: { value: 0, unit: 'WORKING_DAY' },
        greenChannelLimit: { value: 1, unit: 'HOUR' },
      }).greenChannelLimit,
    ).toEqual(['即办件当场办结，无需绿色通道时限']);
  });

  it('a material key is unique within a matter', () => {
    const mat = { name: '营业执照', form: 'COPY' as const, copies: 1, required: true, deferrable: false };
    expect(
      check({
        materials: [
          { ...mat, key: 'BUSINESS_LICENCE' },
          { ...mat, name: '许可证', key: 'BUSINESS_LICENCE' },
        ],
      })['materials.1.key'],
    ).toEqual(['材料共享编码 BUSINESS_LICENCE 与前面的材料重复']);
    expect(
      check({
        materials: [
          { ...mat, key: 'BUSINESS_LICENCE' },
          { ...mat, name: '许可证', key: 'PERMIT' },
        ],
      }),
    ).toEqual({});
  });

  it('即办件 has limit 0 and no co-departments', () => {
    const e = check({
      handlingKind: 'IMMEDIATE',
      coDepartments: [
        { departmentId: 'd-x', subtaskLimit: { value: 5, unit: 'WORKING_DAY' }, silenceIsConsent: false },
      ],
    });
    expect(e.promisedLimit).toEqual(['即办件的承诺时限必须为 0']);
    expect(e.coDepartments).toEqual(['即办件不能有协办部门']);
    expect(check({ handlingKind: 'IMMEDIATE', promisedLimit: { value: 0, unit: 'WORKING_DAY' } })).toEqual({});
  });

  it('联办件 has co-departments, other kinds have none, and the lead is not its own co-department', () => {
    expect(check({ handlingKind: 'JOINT' }).coDepartments).toEqual(['联办件须至少有一个协办部门']);
    const co = [
      { departmentId: 'd-scjg', subtaskLimit: { value: 5, unit: 'WORKING_DAY' as const }, silenceIsConsent: true },
    ];
    expect(check({ handlingKind: 'JOINT', coDepartments: co })['coDepartments.0.departmentId']).toBeTruthy();
    expect(check({ coDepartments: [{ ...co[0]!, departmentId: 'd-x' }] }).coDepartments).toEqual([
      '只有联办件可以设置协办部门',
    ]);
  });

  it('a fee needs an existing, active fee item with a legal basis', () => {
    const e = check({ feeItemCodes: ['F001', 'F002', 'F003', 'F999'] });
    expect(Object.keys(e).sort()).toEqual(['feeItemCodes.1', 'feeItemCodes.2', 'feeItemCodes.3']);
    expect(e['feeItemCodes.1']![0]).toContain('没有法律依据');
  });

  it('every material has a name and original/copy; special procedures say whether they count', () => {
    const e = check({
      materials: [{ name: ' ', form: '' as never, copies: 1, required: false, deferrable: true }],
      specialProcedures: [{ kind: 'EXPERT_REVIEW', countsTowardLimit: null }],
    });
    expect(Object.keys(e).sort()).toEqual([
      'materials.0.deferrable',
      'materials.0.form',
      'materials.0.name',
      'specialProcedures.0.countsTowardLimit',
    ]);
    expect(check({ materials: [] }).materials).toEqual(['至少列出一项申请材料']);
  });
});

describe('matter codes', () => {
  it('follow the pattern: type prefix, 5-digit main item, 3-digit sub-item', () => {
    expect(matterCode('ADMINISTRATIVE_LICENSE', 12, 1)).toBe('XK00012001');
    expect(matterCode('PUBLIC_SERVICE', 3, 20)).toBe('GG00003020');
    expect(MATTER_CODE_PATTERN.test('XK00012001')).toBe(true);
    expect(MATTER_CODE_PATTERN.test('XX00012001')).toBe(false);
  });
});
