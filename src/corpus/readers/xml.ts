/** A tag or a run of text of an XML document. */
export type XmlToken =
  | { kind: 'open' | 'empty' | 'close'; name: string; attrs: Record<string, string> }
  | { kind: 'text'; text: string };

const TAG = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<![^>]*>|([^<]+)/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The tags and texts of an XML document in order: enough for Office Open XML parts, which use no DTDs. Text is
 * left escaped (see xmlText), so callers that skip it pay nothing.
 */
export function* xmlTokens(xml: string): Generator<XmlToken> {
  for (const m of xml.matchAll(TAG)) {
    if (m[6] !== undefined) yield { kind: 'text', text: m[6] };
    else if (m[5] !== undefined) yield { kind: 'text', text: m[5].replace(/&/g, '&amp;').replace(/</g, '&lt;') };
    else if (m[2] === undefined) continue;
    else if (m[1] === '/') yield { kind: 'close', name: m[2], attrs: {} };
    else {
      const attrs: Record<string, string> = {};
      for (const a of (m[3] ?? '').matchAll(ATTR)) attrs[a[1]] = xmlText(a[2] ?? a[3] ?? '');
      yield { kind: m[4] === '/' ? 'empty' : 'open', name: m[2], attrs };
    }
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML text unescaped: the five named entities and numeric character references. */
export function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (all, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? all;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : all;
  });
}
