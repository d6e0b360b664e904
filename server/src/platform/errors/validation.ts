import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ErrorCode, type FieldErrors, fieldLabel } from '@onewindow/shared';
import { DomainException } from './domain.exception.js';

/** Chinese text for class-validator's constraint names; a custom constraint brings its own message. */
const MESSAGES: Record<string, string> = {
  whitelistValidation: '不允许的字段',
  isDefined: '必须填写',
  isNotEmpty: '不能为空',
  isString: '必须是文本',
  isInt: '必须是整数',
  isNumber: '必须是数字',
  isBoolean: '必须是 true 或 false',
  isEnum: '不是允许的取值',
  isIn: '不是允许的取值',
  isUUID: '必须是有效的编号（UUID）',
  isUuid: '必须是有效的编号（UUID）',
  isISO8601: '必须是 ISO 8601 日期时间',
  isDateString: '必须是日期',
  isArray: '必须是列表',
  arrayNotEmpty: '至少需要一项',
  arrayUnique: '不能有重复项',
  arrayMinSize: '项数太少',
  arrayMaxSize: '项数太多',
  min: '数值太小',
  max: '数值太大',
  minLength: '长度太短',
  maxLength: '长度太长',
  length: '长度不正确',
  matches: '格式不正确',
  isObject: '必须是对象',
  nestedValidation: '必须是对象',
  isMobilePhone: '必须是有效的手机号',
};

function collect(errors: ValidationError[], prefix: string, out: FieldErrors) {
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    for (const [name, english] of Object.entries(e.constraints ?? {})) {
      // A message written in Chinese (a custom rule, or a `message` option) is kept; known English ones are translated.
      const msg = /[\u4e00-\u9fa5]/.test(english) ? english : (MESSAGES[name] ?? english);
      (out[field] ??= []).push(msg);
    }
    if (e.children?.length) collect(e.children, field, out);
  }
}

/** The message a person reads: the first field by its label with what is wrong, and how many more there are. */
export function validationMessage(fields: FieldErrors): string {
  const names = Object.keys(fields);
  if (!names.length) return '提交的内容有误';
  const first = `${fieldLabel(names[0])}${fields[names[0]][0]}`;
  return names.length === 1 ? `提交的内容有误：${first}` : `提交的内容有误：${first}（另有 ${names.length - 1} 处）`;
}

export function toValidationException(errors: ValidationError[]): DomainException {
  const fields: FieldErrors = {};
  collect(errors, '', fields);
  return new DomainException(ErrorCode.VALIDATION_FAILED, 400, validationMessage(fields), { fields });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: toValidationException,
    stopAtFirstError: false,
  });
}
