import { parsePlan, PlanSchema } from '@policylint/core';
import { formatOutlineText } from '../format-outline.js';
import type { Locale } from '../messages.js';
import { readTextFile } from '../read-text-file.js';

export type OutlineFormat = 'text' | 'json';

/** `policylint outline FILE`: the plan tree as text or as the core model in JSON. */
export async function outline(file: string, format: OutlineFormat, locale: Locale): Promise<string> {
  const plan = parsePlan((await readTextFile(file, locale)).text);
  if (format === 'text') return formatOutlineText(plan, locale);
  // Validate before printing: the JSON is a contract (DESIGN §4), so a model drift must fail loudly here.
  return `${JSON.stringify(PlanSchema.parse(plan), null, 2)}\n`;
}
