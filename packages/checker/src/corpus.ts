import { normalizeForMatch, parsePlan, planTitles, primaryTitle, type Plan, type Range, type Title } from '@policylint/core';
import { OverlapIndex } from './overlap/overlap-index.js';
import { DEFAULT_OVERLAP_PARAMS } from './overlap/params.js';
import { buildSegment, type Segment } from './overlap/segment.js';
import { measureUnits } from './overlap/units.js';
import { Recent } from './recent.js';
import { textAt } from './text-at.js';

/** A plan in force, as the edge hands it over: an id (its path or URI) and its text. */
export interface CorpusDocument {
  id: string;
  text: string;
}

/** A plan in force handed over without its text, for a corpus that reads texts back: its titles. */
export interface CorpusTitles {
  id: string;
  titles: readonly Title[];
}

/**
 * A plan's entry for a corpus that reads texts back: its titles, copied off the text so that holding
 * them does not hold the text. (V8 represents a slice of a long string as a view that keeps the whole
 * string alive.) An edge that loads a large corpus makes these one plan at a time.
 */
export function corpusTitles(document: CorpusDocument): CorpusTitles {
  return { id: document.id, titles: planTitles(document.text).map((title) => ({ ...title, text: (' ' + title.text).slice(1) })) };
}

/** A plan in force. Its text is parsed when first needed: most plans of a large corpus never are. */
export class CorpusPlan {
  private parsed: Plan | undefined;

  /**
   * @param source the text, or where to get it again when the corpus does not hold texts.
   * @param recentPlans where a corpus that does not hold texts keeps the plans parsed lately: a
   * parsed plan is larger than its text. Without it, the parse is kept.
   */
  constructor(
    readonly id: string,
    private readonly source: string | (() => string),
    readonly titles: readonly Title[],
    private readonly recentPlans?: Recent<CorpusPlan, Plan>,
  ) {}

  get text(): string {
    return typeof this.source === 'string' ? this.source : this.source();
  }

  get plan(): Plan {
    if (this.recentPlans !== undefined) return this.recentPlans.get(this, () => parsePlan(this.text));
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

  // For a corpus that does not hold texts: the texts read back lately (a citation or a new match reads
  // a plan or two, often the same again), the plans parsed lately, and quoted sentences (every check
  // of a draft quotes the sentences its repeats match again).
  private readonly recentTexts = new Recent<string, string>(4);
  private readonly recentPlans = new Recent<CorpusPlan, Plan>(4);
  private readonly quotes = new Recent<string, string | undefined>(4096);

  /**
   * @param segments overlap segments already built for some plans (by id), e.g. loaded from the
   * cache on disk; the others are built when the overlap index is first needed.
   * @param readText reads a plan's text again (the edge re-reads its file). Given, the corpus keeps
   * no texts, only titles and overlap segments, and reads a text back when a quote, a citation or a
   * parse needs it: a large corpus's texts are tens of megabytes that a check rarely touches. Plans
   * handed over as titles only (`corpusTitles`) need it.
   */
  constructor(
    documents: ReadonlyArray<CorpusDocument | CorpusTitles>,
    private readonly segments: ReadonlyMap<string, Segment> = new Map(),
    readText?: (id: string) => string | undefined,
  ) {
    // In id order, whatever order the edge hands plans over in: which plan keeps a title two plans
    // claim, and which of equally close matches overlap names, then depend on the plans alone.
    for (const document of [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const { id } = document;
      const { titles } = 'titles' in document ? document : readText === undefined ? { titles: planTitles(document.text) } : corpusTitles(document);
      const entry =
        readText === undefined && 'text' in document
          ? new CorpusPlan(id, document.text, titles)
          : new CorpusPlan(id, () => this.recentTexts.get(id, () => readText?.(id) ?? ''), titles, this.recentPlans);
      this.byId.set(id, entry);
      for (const title of entry.titles) {
        const key = normalizeForMatch(title.text);
        // The first plan (by id) to claim a title keeps it.
        if (key !== '' && !this.byTitle.has(key)) this.byTitle.set(key, entry);
      }
    }
  }

  /**
   * The text at a range of a corpus plan (a quote for a message), remembered: an editor re-checks a
   * draft on each keystroke, and its repeats quote the same sentences each time.
   */
  textAt(id: string, range: Range): string | undefined {
    const key = `${id}\0${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
    return this.quotes.get(key, () => {
      const plan = this.byId.get(id);
      return plan === undefined ? undefined : textAt(plan.text, range);
    });
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

