/** An uploaded file as the API describes it (its bytes are fetched separately). */
export interface StoredFileDto {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  /** Hex SHA-256 of the bytes, kept for integrity checks. */
  sha256: string;
  createdAt: string;
}
