/** Money is integer fen everywhere (DOMAIN.md §5); these write it as a receipt does. */

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿'];
/** 壹万亿 yuan and more is beyond any fee; the capitals stop below it. */
export const CAPITAL_LIMIT_FEN = 100_000_000_000_000;

function group(n: number): string {
  let out = '';
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    if (zero) out += '零';
    out += DIGITS[d] + SMALL_UNITS[p];
    zero = false;
  }
  return out;
}

function integer(n: number): string {
  const groups: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 10_000)) groups.push(v % 10_000);
  let out = '';
  let gap = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) {
      gap = out !== '';
      continue;
    }
    if (out && (gap || g < 1000)) out += '零';
    out += group(g) + GROUP_UNITS[i];
    gap = false;
  }
  return out;
}

/**
 * 中文大写金额 as the payment rules write it (支付结算办法): 12000 → 壹佰贰拾元整, 105 → 壹元零伍分,
 * 168032 → 壹仟陆佰捌拾元零叁角贰分; 整 after 元 or 角, never after 分; one 零 for a run of zeros.
 */
export function capitalAmount(fen: number): string {
  if (!Number.isSafeInteger(fen) || Math.abs(fen) >= CAPITAL_LIMIT_FEN)
    throw new RangeError(`amount out of range: ${fen}`);
  if (fen < 0) return `负${capitalAmount(-fen)}`;
  if (fen === 0) return '零元整';
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  let out = yuan > 0 ? `${integer(yuan)}元` : '';
  if (jiao === 0 && cents === 0) return `${out}整`;
  if (jiao > 0) out += `${yuan > 0 && yuan % 10 === 0 ? '零' : ''}${DIGITS[jiao]}角`;
  if (cents > 0) out += `${jiao === 0 && yuan > 0 ? '零' : ''}${DIGITS[cents]}分`;
  return cents > 0 ? out : `${out}整`;
}

/** "123.45" (yuan as a bank writes it, optional sign, at most two decimals) → 12345 fen; null if it is not one. */
export function parseYuan(text: string): number | null {
  const m = /^\s*(-?)(\d{1,13})(?:\.(\d{1,2}))?\s*$/.exec(text.replace(/,/g, ''));
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** 12345 → "123.45" (no unit: for tables and bank files). */
export function yuanText(fen: number): string {
  const a = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
