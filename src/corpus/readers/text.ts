import { decodeBuffer } from '../decode.js';
import { parseFrontMatter } from '../frontMatter.js';
import type { FormatReader } from './extraction.js';

/** Plain text (.txt, .md): decoded, its front matter as metadata, the rest as the text. */
export const readText: FormatReader = (bytes, file, options) => {
  const { text: decoded } = decodeBuffer(bytes, file, options.encoding);
  const { meta, bodyStart, bodyLine } = parseFrontMatter(decoded, file);
  return { text: decoded.slice(bodyStart), meta, lineOffset: bodyLine - 1 };
};
