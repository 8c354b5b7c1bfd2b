import { variantStatus, type LexiconEntry, type VariantStatus } from '../lexicon/lexicon.js';

export type { VariantStatus };
export const VARIANT_STATUSES: readonly VariantStatus[] = ['accepted', 'discouraged', 'wrong'];

/**
 * The status of each written variant: the lexicon's (its `variants` column lists accepted forms, the
 * `discouraged` and `wrong` columns the others), overridden by the house style of `.tifalintrc.json`
 * (`"variants": { "党中央八项规定": "discouraged" }`). A variant the lexicon gives no status stays `discouraged`,
 * so that it is seen once and then settled in the house style.
 */
export function variantStatuses(entries: readonly LexiconEntry[], house: Readonly<Record<string, VariantStatus>>): (form: string) => VariantStatus {
  const listed = variantStatus(entries);
  return (form) => house[form] ?? listed.get(form)?.status ?? 'discouraged';
}
