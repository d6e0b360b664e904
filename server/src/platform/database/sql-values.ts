/**
 * A timestamp from raw SQL or from json_agg (a Date, or text in PostgreSQL's form) as the API speaks it:
 * ISO 8601, or null.
 */
export function isoOrNull(at: string | Date | null | undefined): string | null {
  return at ? new Date(at).toISOString() : null;
}
