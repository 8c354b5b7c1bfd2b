import { pinyin } from 'pinyin-pro';

/** Every toneless reading of one character (`行` → xing, hang, heng), so that polyphones match on any of them. */
function readings(char: string): string[] {
  return pinyin(char, { toneType: 'none', type: 'array', multiple: true });
}

/**
 * The toneless reading two characters share (`姓`, `性` → xing), or undefined: the swap an input method makes.
 * Tones are ignored because pinyin input ignores them.
 */
export function sharedReading(a: string, b: string): string | undefined {
  const ofA = new Set(readings(a));
  return readings(b).find((r) => ofA.has(r));
}
