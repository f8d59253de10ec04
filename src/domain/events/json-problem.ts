// What is wrong with a JSON text, in our words. JSON.parse's own message is the engine's wording (it changes
// between Node versions) and quotes the input back; only the position is kept from it.
export function jsonProblem(err: unknown): string {
  const text = err instanceof Error ? err.message : '';
  const at = /at position (\d+)/.exec(text);
  if (at) return `not valid JSON (at character ${Number(at[1]) + 1})`;
  if (/end of JSON input/.test(text)) return 'not valid JSON (it ends too early)';
  return 'not valid JSON';
}
