import * as z from 'zod';

// Each schema is built on first use (z.lazy): every CLI run and editor start imports core, few check
// a plan against these (`outline --format json`, tests), and building them was ~4 ms of each start.

/** An LSP position: 0-based line, UTF-16 code unit offset within the line. */
export const PositionSchema = z.lazy(() =>
  z.object({
    line: z.int().min(0),
    character: z.int().min(0),
  }),
);
export type Position = z.infer<typeof PositionSchema>;

/** An LSP range, end exclusive. */
export const RangeSchema = z.lazy(() =>
  z.object({
    start: PositionSchema,
    end: PositionSchema,
  }),
);
export type Range = z.infer<typeof RangeSchema>;

export const NodeKindSchema = z.lazy(() =>
  z.enum(['part', 'section', 'measure', 'item']),
);
export type NodeKind = z.infer<typeof NodeKindSchema>;

export const MarkerSchema = z.lazy(() =>
  z.object({
    /** The marker exactly as written (`二、`, `(二)`, `3.`); empty when damage hid it. */
    text: z.string(),
    /** Its shape for number one (`一、`, `(一)`, `1.`); null when damage hid it. */
    form: z.string().nullable(),
    /** The marker's own level by shape: 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`. */
    level: z.int().min(1).max(4),
    range: RangeSchema,
  }),
);
export type Marker = z.infer<typeof MarkerSchema>;

/** A span of the source: its text as written (line breaks as `\n`) and where it is. */
export const SpanSchema = z.lazy(() =>
  z.object({
    text: z.string(),
    range: RangeSchema,
  }),
);
export type Span = z.infer<typeof SpanSchema>;

export const PlanNodeSchema = z.lazy(() =>
  z.object({
    kind: NodeKindSchema,
    /** The number the marker says, or the one its place implies when the marker is damaged. */
    number: z.int(),
    marker: MarkerSchema,
    /** The heading text up to the first 。, as written (pinyin annotations included). */
    title: z.string(),
    titleRange: RangeSchema,
    /** What follows the title: the rest of the heading line and the lines before the first child. */
    body: z.string(),
    /** The body cut into sentences; for a measure these are its tasks. */
    sentences: z.array(SpanSchema),
    /** The heading was recovered from text mangled by a wrong encoding conversion. */
    damaged: z.boolean(),
    /** The whole node: from its marker to the end of its last line, children included. */
    range: RangeSchema,
    get children(): z.ZodArray<typeof PlanNodeSchema> {
      return z.array(PlanNodeSchema);
    },
  }),
);
export type PlanNode = z.infer<typeof PlanNodeSchema>;

export const TitleSchema = z.lazy(() =>
  z.object({
    /** The title as written, its lines joined without a break. */
    text: z.string(),
    /** `heading`: the plan's own title lines; `notice`: a 《》 title in the preamble's cover letter. */
    source: z.enum(['heading', 'notice']),
    /** One range per line the title runs over. */
    ranges: z.array(RangeSchema).min(1),
  }),
);
export type Title = z.infer<typeof TitleSchema>;

export const PlanSchema = z.lazy(() =>
  z.object({
    kind: z.literal('plan'),
    /** The plan's title: its heading lines where found, else its notice's 《》 title. */
    title: z.string().nullable(),
    titles: z.array(TitleSchema),
    /**
     * Which marker level carries the measures: 3 (`1.`) where the document has it,
     * otherwise 2 (`（一）`) as in State Council documents numbered （一）…（五十三）.
     */
    measureLevel: z.union([z.literal(2), z.literal(3)]),
    /** Text before the first heading: addressees, cover letter, title lines, purpose. */
    preamble: SpanSchema.nullable(),
    children: z.array(PlanNodeSchema),
    /** Unnumbered text after the last numbered node: entry into force, issuer, date. */
    closing: SpanSchema.nullable(),
    lineEnding: z.enum(['lf', 'crlf', 'cr', 'mixed', 'none']),
    /** The text began with a byte order mark; ranges count from after it. */
    bom: z.boolean(),
  }),
);
export type Plan = z.infer<typeof PlanSchema>;
