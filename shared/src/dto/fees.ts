/** How a fee item's standard (收费标准) is stated: money is always integer fen. */
export const FeeStandardKind = { FIXED: 'FIXED', UNIT_PRICE: 'UNIT_PRICE', RANGE: 'RANGE' } as const;
export type FeeStandardKind = (typeof FeeStandardKind)[keyof typeof FeeStandardKind];

export interface FeeItemDto {
  code: string;
  name: string;
  /** 法律或行政法规依据: required to charge at all (行政许可法 第五十八、五十九条). */
  legalBasis: string;
  /** The approved standard's document (收费标准批准文件). */
  approvingDocument: string;
  standardKind: FeeStandardKind;
  amountFen: number | null;
  unitPriceFen: number | null;
  unitName: string | null;
  minFen: number | null;
  maxFen: number | null;
  active: boolean;
}

export type CreateFeeItemRequest = Omit<FeeItemDto, 'active'>;
export type UpdateFeeItemRequest = Partial<Omit<FeeItemDto, 'code'>>;

/** 12345 fen → "123.45 元". */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')} 元`;
}

/** A fee item's standard as citizens read it: "50.00 元", "10.00 元 / 件", "100.00 元 – 500.00 元". */
export function formatFeeStandard(
  f: Pick<FeeItemDto, 'standardKind' | 'amountFen' | 'unitPriceFen' | 'unitName' | 'minFen' | 'maxFen'>,
): string {
  if (f.standardKind === 'FIXED') return formatFen(f.amountFen!);
  if (f.standardKind === 'UNIT_PRICE') return `${formatFen(f.unitPriceFen!)} / ${f.unitName}`;
  return `${formatFen(f.minFen!)} – ${formatFen(f.maxFen!)}`;
}
