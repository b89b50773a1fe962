/**
 * The decoder's previous text from what the person gave: the names and terms first (as a list the
 * model has "seen written"), then the prompt. Empty when both are.
 */
export function promptText(prompt: string, glossary: string): string {
  const terms = glossary.split(/[\n,]/).map((t) => t.trim()).filter(Boolean);
  return [terms.length > 0 ? `${terms.join(', ')}.` : '', prompt.trim()].filter(Boolean).join(' ');
}
