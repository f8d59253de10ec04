// What is wrong with a JSON text, in our words. JSON.parse's own message is the engine's wording (it changes
// between Node versions) and quotes the input back; only the position is kept from it.

/** Where JSON.parse failed, when its message says: "at character 7" or "it ends too early"; else null. */
export function jsonProblemDetail(err: unknown): string | null {
  const text = err instanceof Error ? err.message : '';
  const at = /at position (\d+)/.exec(text);
  if (at) return `at character ${Number(at[1]) + 1}`;
  if (/end of JSON input/.test(text)) return 'it ends too early';
  return null;
}

/** "not valid JSON", with where when the engine said. */
export function jsonProblem(err: unknown): string {
  const detail = jsonProblemDetail(err);
  return detail ? `not valid JSON (${detail})` : 'not valid JSON';
}
