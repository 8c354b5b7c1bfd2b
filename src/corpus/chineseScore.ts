import { createRequire } from 'node:module';

/**
 * The most frequent characters of general written Chinese (from published character-frequency counts, not from
 * any corpus at hand), in simplified form; their traditional forms are added on first use.
 */
const COMMON_SIMPLIFIED =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所' +
  '然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与' +
  '长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己' +
  '制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系' +
  '气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社' +
  '便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉' +
  '格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令' +
  '准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官' +
  '火断精满支视消越器容照须九增研写称企八功';

let common: Set<string> | undefined;
/** Simplified and traditional forms: Big5 text is traditional, and must score as well as GB text. */
function commonCharacters(): Set<string> {
  if (!common) {
    const { Converter } = createRequire(import.meta.url)('opencc-js/cn2t') as typeof import('opencc-js');
    common = new Set([...COMMON_SIMPLIFIED, ...Converter({ from: 'cn', to: 'tw' })(COMMON_SIMPLIFIED)]);
  }
  return common;
}

const HAN = /\p{Script=Han}/u;

export interface ChineseScore {
  /** Han characters seen. */
  han: number;
  /** The share of them among the common characters: about 0.8 for real text, under 0.15 for mojibake. */
  common: number;
}

/**
 * How much `text` reads like Chinese. A wrong decoding of GB or Big5 bytes still gives Han characters (both
 * encodings accept most byte pairs), but rare ones: measured on the government work reports encoded both ways,
 * the right decoding scores 0.73–0.86 and the wrong one 0.02–0.12.
 */
export function chineseScore(text: string): ChineseScore {
  const set = commonCharacters();
  let han = 0;
  let hits = 0;
  for (const ch of text) {
    if (!HAN.test(ch)) continue;
    han++;
    if (set.has(ch)) hits++;
  }
  return { han, common: han === 0 ? 0 : hits / han };
}
