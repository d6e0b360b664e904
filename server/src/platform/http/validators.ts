import {
  checkCreditCode,
  checkResidentId,
  isIsoDate,
  isStrongEnoughPassword,
  MOBILE_PHONE_PATTERN,
  PROJECT_CODE_PATTERN,
} from '@onewindow/shared';
import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsObject, registerDecorator, ValidateNested, type ValidationOptions } from 'class-validator';

function rule(name: string, test: (v: unknown, object: object) => string | null, options?: ValidationOptions) {
  return (object: object, propertyName: string) => {
    let last: string | null = null;
    registerDecorator({
      name,
      target: object.constructor,
      propertyName,
      options: { ...options, message: () => last ?? '格式不正确' },
      validator: {
        validate(value: unknown, args) {
          last = test(value, args?.object ?? {});
          return last === null;
        },
      },
    });
  };
}

const CREDIT_CODE_PROBLEMS = {
  FORMAT: '统一社会信用代码须为 18 位数字或大写字母（不含 I、O、S、V、Z）',
  CHECK_CHAR: '统一社会信用代码校验位不正确',
};
const RESIDENT_ID_PROBLEMS = {
  FORMAT: '身份证号须为 18 位，最后一位可为 X',
  REGION: '身份证号地区码不正确',
  BIRTH_DATE: '身份证号中的出生日期不正确',
  CHECK_CHAR: '身份证号校验位不正确',
};

/** 统一社会信用代码 with its check character (GB 32100-2015). */
export const IsCreditCode = (o?: ValidationOptions) =>
  rule(
    'isCreditCode',
    (v) =>
      typeof v === 'string'
        ? (CREDIT_CODE_PROBLEMS[checkCreditCode(v) as keyof typeof CREDIT_CODE_PROBLEMS] ?? null)
        : '必须是文本',
    o,
  );

/** 居民身份证号码 with its check digit (GB 11643-1999). */
export const IsResidentId = (o?: ValidationOptions) =>
  rule(
    'isResidentId',
    (v) =>
      typeof v === 'string'
        ? (RESIDENT_ID_PROBLEMS[checkResidentId(v) as keyof typeof RESIDENT_ID_PROBLEMS] ?? null)
        : '必须是文本',
    o,
  );

export const IsMobilePhone = (o?: ValidationOptions) =>
  rule(
    'isCnMobilePhone',
    (v) => (typeof v === 'string' && MOBILE_PHONE_PATTERN.test(v) ? null : '必须是 11 位手机号'),
    o,
  );

export const IsPassword = (o?: ValidationOptions) =>
  rule(
    'isPassword',
    (v) => (typeof v === 'string' && isStrongEnoughPassword(v) ? null : '至少 8 位，且须同时包含字母和数字'),
    o,
  );

/** Required free text of at most `max` characters: blanks alone are no text. */
export const RequiredText = (max: number, blank = '不能为空') =>
  rule('requiredText', (v) =>
    typeof v !== 'string' ? '必须是文本' : !v.trim() ? blank : v.length > max ? `最多 ${max} 个字符` : null,
  );

/**
 * An applicant's identity number by the applicant's kind: a person's 居民身份证号码, an organisation's
 * 统一社会信用代码, each with its check character.
 */
export const IsApplicantIdNumber = (o?: ValidationOptions) =>
  rule(
    'isApplicantIdNumber',
    (v, object) => {
      if (typeof v !== 'string') return '必须是文本';
      if ((object as { kind?: unknown }).kind === 'ORGANIZATION')
        return CREDIT_CODE_PROBLEMS[checkCreditCode(v) as keyof typeof CREDIT_CODE_PROBLEMS] ?? null;
      return RESIDENT_ID_PROBLEMS[checkResidentId(v) as keyof typeof RESIDENT_ID_PROBLEMS] ?? null;
    },
    o,
  );

/** An identity number of either kind (whose kind the form does not say): a 统一社会信用代码 or a 居民身份证号码. */
export const IsAnyIdNumber = (o?: ValidationOptions) =>
  rule(
    'isAnyIdNumber',
    (v) => {
      if (typeof v !== 'string') return '必须是文本';
      const asCode = CREDIT_CODE_PROBLEMS[checkCreditCode(v) as keyof typeof CREDIT_CODE_PROBLEMS];
      const asId = RESIDENT_ID_PROBLEMS[checkResidentId(v) as keyof typeof RESIDENT_ID_PROBLEMS];
      return asCode && asId ? '须为有效的统一社会信用代码或居民身份证号码' : null;
    },
    o,
  );

/** 项目代码 of an investment project, e.g. 2026-330102-47-01-123456. */
export const IsProjectCode = (o?: ValidationOptions) =>
  rule(
    'isProjectCode',
    (v) =>
      typeof v === 'string' && PROJECT_CODE_PATTERN.test(v)
        ? null
        : '格式应为 年份-地区码-行业码-类型码-流水号，如 2026-330102-47-01-000123',
    o,
  );

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30), between the years 2000 and 2100. */
export const IsDay = (o?: ValidationOptions) =>
  rule(
    'isDay',
    (v) => {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return '日期格式应为 YYYY-MM-DD';
      if (!isIsoDate(v)) return '没有这一天';
      const year = Number(v.slice(0, 4));
      return year < 2000 || year > 2100 ? '日期应在 2000 至 2100 年之间' : null;
    },
    o,
  );

/** An instant with its zone (ISO 8601, `Z` or an offset), within `years` (default 2000 to 2100). */
export const IsInstant = (years: [number, number] = [2000, 2100], o?: ValidationOptions) =>
  rule(
    'isInstant',
    (v) => {
      if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(v))
        return '时间应为带时区的 ISO 8601 格式，例如 2026-03-02T09:00:00+08:00';
      const t = new Date(v);
      if (Number.isNaN(t.getTime()) || !isIsoDate(v.slice(0, 10))) return '没有这一时刻';
      const year = t.getUTCFullYear();
      return year < years[0] || year > years[1] ? `时间应在 ${years[0]} 至 ${years[1]} 年之间` : null;
    },
    o,
  );

/** A nested object of class `type`, validated as such: an array, a string or a number in its place is refused. */
export const Nested = (type: () => new () => object) =>
  applyDecorators(IsObject({ message: '应为对象' }), ValidateNested(), Type(type));

/**
 * An integer given as text (a path or query parameter): converted only when it is written as one, so `value=`,
 * `5.5` or `1e3` stay text and are refused as not an integer (never read as 0).
 */
export const IntegerText = () =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^-?\d{1,15}$/.test(value) ? Number(value) : value,
  );

/** Indicator scores of a rating (好差评): an object of at most 10 codes, each an integer 1–5. */
export const IsIndicatorScores = (o?: ValidationOptions) =>
  rule(
    'isIndicatorScores',
    (v) =>
      typeof v !== 'object' || v === null || Array.isArray(v)
        ? '应为对象'
        : Object.keys(v).length > 10
          ? '最多 10 项指标'
          : Object.entries(v).every(([k, n]) => /^[A-Z_]{1,20}$/.test(k) && Number.isInteger(n) && n >= 1 && n <= 5)
            ? null
            : '各项指标应为 1–5 的整数',
    o,
  );
