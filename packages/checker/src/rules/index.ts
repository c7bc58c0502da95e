import type { Rule } from '../rule.js';
import { inlineDirective } from './inline-directive.js';
import { numberingHierarchy } from './numbering-hierarchy.js';
import { numberingMarker } from './numbering-marker.js';
import { numberingSequence } from './numbering-sequence.js';
import { overlapExisting } from './overlap-existing.js';
import { overlapInternal } from './overlap-internal.js';
import { textEncoding } from './text-encoding.js';
import { xrefUnknownDocument } from './xref-unknown-document.js';
import { xrefUnresolved } from './xref-unresolved.js';

/** Every rule, in the order of DESIGN §2 (then inline-directive, which reviews disable comments). The one list that knows rules by name. */
export const RULES: readonly Rule[] = [
  numberingSequence,
  numberingMarker,
  numberingHierarchy,
  xrefUnresolved,
  xrefUnknownDocument,
  overlapExisting,
  overlapInternal,
  textEncoding,
  inlineDirective,
];
