import type { Analysis } from './model';
import { resolveOptions, type AnalysisOptions } from './options';
import { emptyDoc, runPipeline, type Doc } from './pipeline';

export type { Analysis, Dateline, Entity, EntityType, Keyword, Note, Quote, Span } from './model';
export type { AnalysisOptions } from './options';

/**
 * Annotates one article: its dateline, direct quotes with their speakers, named entities and
 * topic keywords.
 *
 * Pure and deterministic: the same text and options give the same JSON. Linear in the length of
 * the text. Offsets are UTF-16 code units into `text`, end exclusive.
 *
 * ###### Notes
 * - Text that looks binary (NUL characters, or mostly control characters) is not analysed: the
 *   result is empty with a note saying why.
 * - English only: other languages get quotes and a dateline, but names and keywords are unreliable.
 * - Never throws on any string.
 */
export function analyze(text: string, options?: AnalysisOptions): Analysis {
  const resolved = resolveOptions(options);
  const reason = binaryReason(text);
  if (reason) return toAnalysis({ ...emptyDoc(text, resolved), notes: [{ message: reason }] });
  return toAnalysis(runPipeline(emptyDoc(text, resolved)));
}

/**
 * Any character binaryReason counts: NUL, the other control characters but tab, line feed, form
 * feed and carriage return, and the replacement character. A character class: cannot backtrack.
 */
const SUSPECT = /[\x00-\x08\x0b\x0e-\x1f\ufffd]/;

/** The reason `text` should not be analysed as prose, or undefined. Checks the first 8 KB. */
function binaryReason(text: string): string | undefined {
  const sample = Math.min(text.length, 8192);
  // Prose has none of them, and the regular expression engine finds that out in native code,
  // faster than the loop below reading each character (300 news articles: 1.29 -> 0.57 ms).
  if (!SUSPECT.test(sample < text.length ? text.slice(0, sample) : text)) return undefined;
  let control = 0;
  for (let i = 0; i < sample; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return 'Not analysed: the text contains NUL characters, so it is probably a binary file.';
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (sample > 0 && control / sample > 0.1) {
    return 'Not analysed: more than 10% of the text is control or replacement characters, so it is probably binary or not UTF-8.';
  }
  return undefined;
}

function toAnalysis(doc: Doc): Analysis {
  // Field order is the order of the JSON the CLI prints and golden files hold.
  return {
    schemaVersion: 1,
    textLength: doc.text.length,
    ...(doc.structure.dateline ? { dateline: doc.structure.dateline } : {}),
    quotes: doc.quotes,
    entities: doc.entities,
    keywords: doc.keywords,
    notes: doc.notes,
  };
}
