/** `{ field: [before, after] }` for the fields that differ: the summary of an update. */
export function diffFields<T extends object>(
  before: T,
  after: Partial<T>,
  fields: (keyof T)[],
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const f of fields) {
    if (!(f in after) || after[f] === undefined) continue;
    const a = before[f];
    const b = after[f];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[String(f)] = [a ?? null, b ?? null];
  }
  return out;
}
