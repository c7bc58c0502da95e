export { blankCommentLines } from './comments.js';
export { blankMarkdownBlocks, blankNonPlanText } from './markdown-blocks.js';
export { findDamage, hasDamage, startsDamaged } from './damage.js';
export { detectLineEnding, splitLines, type Line } from './lines.js';
export { CANONICAL_FORMS, formatMarker, matchMarker, type MarkerLevel, type MarkerMatch } from './markers.js';
export {
  MarkerSchema,
  NodeKindSchema,
  PlanNodeSchema,
  PlanSchema,
  PositionSchema,
  RangeSchema,
  SpanSchema,
  TitleSchema,
  type Marker,
  type NodeKind,
  type Plan,
  type PlanNode,
  type Position,
  type Range,
  type Span,
  type Title,
} from './model.js';
export { dropPunctuation, foldWidth, normalizeForMatch, toSimplified } from './normalize.js';
export { CHINESE_NUMERAL_CHARS, parseChineseNumeral, toChineseNumeral } from './numerals.js';
export { parsePlan, planTitles, primaryTitle } from './parse.js';
export { findPinyinAnnotations, pinyinAnnotationSpans, stripPinyin, TONE_MARKED } from './pinyin.js';
export { splitSentences, type SentenceSpan } from './sentences.js';
export { allNodes, isPlanLike, nodesOfKind, walkNodes } from './walk.js';
export {
  findReferences,
  NON_REFERENCE_COUNTERS,
  type NumeralStyle,
  type PlanReference,
  type ReferenceStep,
  type ReferenceTarget,
  type StepKind,
} from './references.js';
export { looksLikePlanTitle } from './front-and-back.js';
export { headingLabel, headingRange } from './display.js';
