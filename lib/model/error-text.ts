/** What a caught error says, for showing inside a sentence. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
