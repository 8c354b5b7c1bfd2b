import type { Place } from './document.js';

/**
 * A place as people cite it after the file name: `p.3` for a PDF page, `¶12:34` for column 34 of a Word document's
 * 12th paragraph, `12:34` for line and column of a text (or of the text `tifa extract` prints of a web page).
 */
export function placeLabel(place: Place): string {
  if (place.page !== undefined) return `p.${place.page}`;
  if (place.paragraph !== undefined) return `¶${place.paragraph}:${place.column}`;
  return `${place.line}:${place.column}`;
}
