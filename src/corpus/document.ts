/** Metadata fields every tifa document may carry; any other key is kept too. */
export const STANDARD_FIELDS = ['id', 'city', 'province', 'author', 'position', 'title', 'date', 'source'] as const;

export type Meta = Record<string, string>;

/**
 * A metadata record without a prototype, merged from `parts` (later ones win). Field names are data: a user's
 * `constructor` or `__proto__` is an ordinary key, and a field a document lacks reads as undefined, never as a
 * built-in of Object.prototype.
 */
export function newMeta(...parts: ReadonlyArray<Readonly<Meta> | undefined>): Meta {
  return Object.assign(Object.create(null) as Meta, ...parts);
}

/** Bookkeeping keys that are not metadata a reader groups by (import's map back to source lines). */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['source_lines']);

/**
 * One document as the analysis sees it.
 * `text` is the analysis text: decoded, line endings unified, page breaks repaired and noise normalised.
 * `origin` maps any offset of `text` back to (line, column) in the file as it is on disk, so that
 * KWIC and lint point at what the user can open.
 */
export interface Document {
  id: string;
  path: string;
  meta: Meta;
  text: string;
  origin: OriginMap;
}

/** Maps offsets in a derived text back to 1-based line and column of the original file. */
export interface OriginMap {
  locate(offset: number): { line: number; column: number };
}
