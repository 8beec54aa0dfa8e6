/** A quoted stretch: `start` is the opening quote, `end` the index just past the closing quote. */
export interface QuoteSpan {
  start: number;
  end: number;
}

/**
 * Finds quoted stretches (`“…”`, `"…"`, `「…」`); a complaint may hold `。`. Unclosed quotes are ignored: a stray quote mark must not swallow
 * the rest of the record. A quote longer than 200 characters is not a complaint and is dropped for the same reason.
 */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let open: { at: number; close: string } | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (open === null) {
      if (c === '“') open = { at: i, close: '”' };
      else if (c === '"') open = { at: i, close: '"' };
      else if (c === '「') open = { at: i, close: '」' };
    } else if (c === open.close) {
      if (i - open.at <= 200) out.push({ start: open.at, end: i + 1 });
      open = null;
    } else if (c === '\n') {
      open = null;
    }
  }
  return out;
}

/** The quote that strictly contains position `pos` (inside the marks), if any. */
export function quoteAt(quotes: readonly QuoteSpan[], pos: number): QuoteSpan | undefined {
  return quotes.find((q) => q.start < pos && pos < q.end - 1);
}
