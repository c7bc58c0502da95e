import { normalizeForMatch, parsePlan, planTitles, primaryTitle, type Plan, type Title } from '@policylint/core';
import { OverlapIndex } from './overlap/overlap-index.js';
import { DEFAULT_OVERLAP_PARAMS } from './overlap/params.js';
import { buildSegment, type Segment } from './overlap/segment.js';
import { measureUnits } from './overlap/units.js';

/** A plan in force, as the edge hands it over: an id (its path or URI) and its text. */
export interface CorpusDocument {
  id: string;
  text: string;
}

/** A plan in force. Its text is parsed when first needed: most plans of a large corpus never are. */
export class CorpusPlan {
  private parsed: Plan | undefined;

  constructor(
    readonly id: string,
    readonly text: string,
    readonly titles: readonly Title[],
  ) {}

  get plan(): Plan {
    return (this.parsed ??= parsePlan(this.text));
  }

  /** The plan's title (as `Plan.title`), without parsing the whole plan. */
  get title(): string | null {
    return primaryTitle(this.titles);
  }
}

/**
 * The plans in force, parsed once and indexed by normalized title (pinyin stripped, simplified, width
 * folded, punctuation dropped), so a simplified citation finds the traditional-script seed through
 * either its heading lines or its notice's 《》.
 */
export class Corpus {
  private readonly byTitle = new Map<string, CorpusPlan>();
  private readonly byId = new Map<string, CorpusPlan>();
  private overlapIndex: OverlapIndex | undefined;

  /**
   * @param segments overlap segments already built for some plans (by id), e.g. loaded from the
   * cache on disk; the others are built when the overlap index is first needed.
   */
  constructor(
    documents: readonly CorpusDocument[],
    private readonly segments: ReadonlyMap<string, Segment> = new Map(),
  ) {
    for (const { id, text } of documents) {
      const entry = new CorpusPlan(id, text, planTitles(text));
      this.byId.set(id, entry);
      for (const title of entry.titles) {
        const key = normalizeForMatch(title.text);
        // The first plan to claim a title keeps it: corpus order is the edge's (sorted paths).
        if (key !== '' && !this.byTitle.has(key)) this.byTitle.set(key, entry);
      }
    }
  }

  get plans(): CorpusPlan[] {
    return [...this.byId.values()];
  }

  get(id: string): CorpusPlan | undefined {
    return this.byId.get(id);
  }

  /** The overlap index of every plan, built on first use. */
  overlap(): OverlapIndex {
    if (this.overlapIndex === undefined) {
      const index = new OverlapIndex(DEFAULT_OVERLAP_PARAMS);
      for (const entry of this.byId.values()) index.add(this.segment(entry));
      this.overlapIndex = index;
    }
    return this.overlapIndex;
  }

  /** A plan's overlap segment: the one handed in, or one built now (which parses the plan). */
  segment(entry: CorpusPlan): Segment {
    return this.segments.get(entry.id) ?? buildSegment(entry.id, measureUnits(entry.plan, DEFAULT_OVERLAP_PARAMS), DEFAULT_OVERLAP_PARAMS);
  }

  /** The plan a 《title》 names, or undefined when the corpus has none by that title. */
  findByTitle(title: string): CorpusPlan | undefined {
    return this.byTitle.get(normalizeForMatch(title));
  }
}
