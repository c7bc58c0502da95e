export { FILLERS, matchKey, SYNONYMS } from './match-key.js';
export { OverlapIndex, type OverlapMatch } from './overlap-index.js';
export { DEFAULT_OVERLAP_PARAMS, type OverlapParams } from './params.js';
export { buildSegment, measureShingles, type Segment, type SegmentMeasure } from './segment.js';
export { measureUnits, type MeasureUnit, type SentenceUnit } from './units.js';
export { DocumentFrequency } from './weights.js';
export { deserializeSegment, SEGMENT_FORMAT, segmentCacheKey, serializeSegment } from './serialize.js';
export { containment, jaccard, weightedOverlap, type Overlap } from './similarity.js';
