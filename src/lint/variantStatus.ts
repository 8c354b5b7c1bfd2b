import type { LexiconEntry } from '../lexicon/lexicon.js';

/**
 * How acceptable a written variant of a slogan is: `accepted` (central texts use it: counted, never flagged),
 * `discouraged` (a warning) or `wrong` (an error).
 */
export type VariantStatus = 'accepted' | 'discouraged' | 'wrong';
export const VARIANT_STATUSES: readonly VariantStatus[] = ['accepted', 'discouraged', 'wrong'];

/**
 * The status of each written variant: the lexicon's `variants` column lists accepted forms; the house style of
 * `.tifalintrc.json` (`"variants": { "党中央八项规定": "discouraged" }`) overrides it. A variant the lexicon does
 * not list stays `discouraged`, so that it is seen once and then settled in the house style.
 */
export function variantStatuses(entries: readonly LexiconEntry[], house: Readonly<Record<string, VariantStatus>>): (form: string) => VariantStatus {
  const listed = new Map<string, VariantStatus>();
  for (const entry of entries) for (const form of entry.variants) listed.set(form, 'accepted');
  return (form) => house[form] ?? listed.get(form) ?? 'discouraged';
}
