/** Masking of personal data for display (个人信息脱敏). */
export function maskResidentId(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 3) + '*'.repeat(id.length - 7) + id.slice(-4);
}

/** A resident ID number or a credit code on printed and displayed records: only its ends show. */
export function maskIdNumber(id: string): string {
  if (id.length === 18 && /^\d{17}[\dX]$/.test(id)) return maskResidentId(id);
  return id.length > 8 ? `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}` : id;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '****' + phone.slice(-4);
}

/** 张三 → 张*, 欧阳小明 → 欧**明. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return chars[0] + '*';
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

export const MOBILE_PHONE_PATTERN = /^1[3-9]\d{9}$/;
