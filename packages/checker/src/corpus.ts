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

  /** @param source the text, or where to get it again when the corpus does not hold texts. */
  constructor(
    readonly id: string,
    private readonly source: string | (() => string),
    readonly titles: readonly Title[],
  ) {}

  get text(): string {
    return typeof this.source === 'string' ? this.source : this.source();
  }

  get plan(): Plan {
    return (this.parsed ??= parsePlan(this.text));
  }

  /** The plan's title (as `Plan.title`), without parsing the whole plan. */
  get title(): string | null {
    return primaryTitle(this.titles);
  }
}

// Texts read back lately: a check quotes a few corpus plans, often the same ones again.
const RECENT_TEXTS = 16;

/**
 * The plans in force, parsed once and indexed by normalized title (pinyin stripped, simplified, width
 * folded, punctuation dropped), so a simplified citation finds the traditional-script seed through
 * either its heading lines or its notice's 《》.
 */
export class Corpus {
  private readonly byTitle = new Map<string, CorpusPlan>();
  private readonly byId = new Map<string, CorpusPlan>();
  private overlapIndex: OverlapIndex | undefined;

  private readonly recentTexts = new Map<string, string>();

  /**
   * @param segments overlap segments already built for some plans (by id), e.g. loaded from the
   * cache on disk; the others are built when the overlap index is first needed.
   * @param readText reads a plan's text again (the edge re-reads its file). Given, the corpus keeps
   * no texts, only titles and overlap segments, and reads a text back when a quote, a citation or a
   * parse needs it: a large corpus's texts are tens of megabytes that a check rarely touches.
   */
  constructor(
    documents: readonly CorpusDocument[],
    private readonly segments: ReadonlyMap<string, Segment> = new Map(),
    private readonly readText?: (id: string) => string | undefined,
  ) {
    for (const { id, text } of documents) {
      const titles = readText === undefined ? planTitles(text) : planTitles(text).map((title) => ({ ...title, text: detached(title.text) }));
      const entry = new CorpusPlan(id, readText === undefined ? text : () => this.textOf(id), titles);
      this.byId.set(id, entry);
      for (const title of entry.titles) {
        const key = normalizeForMatch(title.text);
        // The first plan to claim a title keeps it: corpus order is the edge's (sorted paths).
        if (key !== '' && !this.byTitle.has(key)) this.byTitle.set(key, entry);
      }
    }
  }

  /** A plan's text read back, from the recent ones when it is one; empty if it can no longer be read. */
  private textOf(id: string): string {
    let text = this.recentTexts.get(id);
    if (text === undefined) {
      text = this.readText?.(id) ?? '';
      if (this.recentTexts.size >= RECENT_TEXTS) this.recentTexts.delete(this.recentTexts.keys().next().value!);
    } else {
      this.recentTexts.delete(id); // re-inserted below as the most recent
    }
    this.recentTexts.set(id, text);
    return text;
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

/**
 * A copy of a string that does not share the memory of the text it was cut from. V8 represents a
 * slice of a long string as a view that keeps the whole string alive: a title cut from a corpus
 * plan would keep the plan's text in memory, which a corpus that reads texts back means not to hold.
 */
function detached(slice: string): string {
  return (' ' + slice).slice(1);
}
