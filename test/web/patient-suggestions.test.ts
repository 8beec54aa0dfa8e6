import { describe, expect, it } from 'vitest';
import { MAX_PAGES, MAX_SUGGESTIONS, needsMorePages, suggestionsFor } from '../../web/src/viewer/patient-suggestions.js';

describe('needsMorePages', () => {
  const listing = (lastId: string | null, pages: number, hasNextPage = true) => ({ lastId, pages, hasNextPage });

  it('reads the first page whatever is typed', () => {
    expect(needsMorePages(listing(null, 0), '')).toBe(true);
    expect(needsMorePages(listing(null, 0), 'P9')).toBe(true);
  });

  it('reads on while the typed id may lie further on in id order', () => {
    expect(needsMorePages(listing('P100', 1), 'P2')).toBe(true); // P2… sorts after P100
    expect(needsMorePages(listing('P2', 1), 'P2')).toBe(true); // P2 itself may be followed by P20, P21…
    expect(needsMorePages(listing('P215', 2), 'P2')).toBe(true); // the page ends inside the P2… run
  });

  it('stops once a page ended after every id starting with the typed text', () => {
    expect(needsMorePages(listing('P300', 3), 'P2')).toBe(false);
    expect(needsMorePages(listing('viewer-x', 1), 'P')).toBe(false); // lower case sorts after upper case
  });

  it('stops with nothing typed, at the last page and at the page limit', () => {
    expect(needsMorePages(listing('P100', 1), '')).toBe(false);
    expect(needsMorePages(listing('P100', 1, false), 'P2')).toBe(false);
    expect(needsMorePages(listing('P100', MAX_PAGES), 'P2')).toBe(false);
  });
});

describe('suggestionsFor', () => {
  const patients = ['A-P2', 'P001', 'P002', 'Q9'].map((id) => ({ id, recordCount: 1 }));

  it('keeps the ids containing the typed text, case-insensitively, those starting with it first', () => {
    expect(suggestionsFor(patients, 'p').map((p) => p.id)).toEqual(['P001', 'P002', 'A-P2']);
    expect(suggestionsFor(patients, ' p00 ').map((p) => p.id)).toEqual(['P001', 'P002']);
    expect(suggestionsFor(patients, '').map((p) => p.id)).toEqual(['A-P2', 'P001', 'P002', 'Q9']);
  });

  it(`offers at most ${MAX_SUGGESTIONS}`, () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ id: `P${String(i).padStart(3, '0')}`, recordCount: 1 }));
    expect(suggestionsFor(many, 'P')).toHaveLength(MAX_SUGGESTIONS);
  });
});
