import { dashForYi } from './dashForYi.js';
import { halfwidthPunctuation } from './halfwidthPunctuation.js';
import { inconsistentForm } from './inconsistentForm.js';
import { pageBreak } from './pageBreak.js';
import { quoteBalance } from './quoteBalance.js';
import type { Rule } from './rule.js';
import { sloganVariant } from './sloganVariant.js';

/** Every rule, in the order their ids are listed to the user. */
export const RULES: readonly Rule[] = [sloganVariant, inconsistentForm, quoteBalance, halfwidthPunctuation, dashForYi, pageBreak];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);
