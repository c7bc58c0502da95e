import { parsePlan } from '@policylint/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegment, DEFAULT_OVERLAP_PARAMS, deserializeSegment, measureUnits, serializeSegment } from '../src/index.js';
import { BandTable } from '../src/overlap/band-table.js';
import { forEachShingleBlock, type Segment } from '../src/overlap/segment.js';
import { readRepoFile, SEED } from './helpers.js';

const PARAMS = DEFAULT_OVERLAP_PARAMS;

/** A plan reduced to its band keys: measure m has the keys `sets[m]`. */
type Plan = { id: string; sets: number[][] };

/** A segment with nothing but the band keys of `plan`, sorted by key, then measure, as `buildSegment` sorts them. */
function keySegment({ id, sets }: Plan): Segment {
  const pairs = sets.flatMap((keys, m) => [...new Set(keys)].map((key) => [key, m] as const)).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return {
    planId: id,
    measures: [],
    sentenceStart: new Uint32Array(sets.length + 1),
    sentenceOffsets: Uint32Array.of(0),
    sentenceShingles: new Uint32Array(0),
    titleOffsets: new Uint32Array(sets.length + 1),
    titleShingles: new Uint32Array(0),
    keys: Uint32Array.from(pairs, ([key]) => key),
    keyMeasures: Uint32Array.from(pairs, ([, m]) => m),
  };
}

/** What `hits` reports for `query`, in its order: `plan#measure:hits`. */
function hitsOf(table: BandTable, query: readonly number[], before?: number): string[] {
  const found: string[] = [];
  table.hits([Uint32Array.from(query)], undefined, (segment, m, hits) => found.push(`${segment.planId}#${m}:${hits}`), before);
  return found;
}

/** The same, worked out from the plans: each measure before `before` that has any of the query's keys, in plan order, by how many. */
function expectedHits(plans: readonly Plan[], query: readonly number[], before = Number.POSITIVE_INFINITY): string[] {
  const found: string[] = [];
  let ref = 0;
  for (const { id, sets } of plans) {
    for (const [m, keys] of sets.entries()) {
      const hits = query.filter((key) => keys.includes(key)).length;
      if (hits > 0 && ref < before) found.push(`${id}#${m}:${hits}`);
      ref++;
    }
  }
  return found;
}

// Keys from a few directory buckets and a few low halves, so that buckets hold many entries from
// several plans and plans share keys; now and then any 32-bit key.
const key = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 7 })).map(([bucket, low]) => (((bucket * 0x3fd) << 16) | (low * 0x1f3)) >>> 0),
  fc.integer({ min: 0, max: 0xffffffff }),
);
const sets = fc.array(fc.array(key, { maxLength: 6 }), { minLength: 1, maxLength: 8 });

describe('the band table', () => {
  it('reports every measure that shares a key, by how many, whatever the plans', () => {
    fc.assert(
      fc.property(fc.array(sets, { minLength: 1, maxLength: 5 }), fc.array(key, { maxLength: 10 }), (planSets, extra) => {
        const plans = planSets.map((s, i) => ({ id: `p${i}`, sets: s }));
        const query = [...plans.flatMap((p) => p.sets.flat()), ...extra];
        expect(hitsOf(new BandTable(plans.map(keySegment), PARAMS), query)).toEqual(expectedHits(plans, query));
      }),
    );
  });

  it('has equal keys in measure order when built in one go: `before` leaves out the later measures', () => {
    fc.assert(
      fc.property(fc.array(sets, { minLength: 1, maxLength: 4 }), fc.nat({ max: 40 }), (planSets, before) => {
        const plans = planSets.map((s, i) => ({ id: `p${i}`, sets: s }));
        const query = plans.flatMap((p) => p.sets.flat());
        expect(hitsOf(new BandTable(plans.map(keySegment), PARAMS), query, before)).toEqual(expectedHits(plans, query, before));
      }),
    );
  });

  it('has the same entries with a large directory (16-bit buckets and low keys) as a small one', () => {
    // Small tables get few buckets and wide low keys; past ~16,000 measures the directory has 2^16
    // buckets and 16-bit low keys. Three plans of 6,000 measures, to be sure the large layout is used.
    const [planSets] = fc.sample(fc.array(fc.array(fc.array(key, { maxLength: 3 }), { minLength: 6000, maxLength: 6000 }), { minLength: 3, maxLength: 3 }), { numRuns: 1, seed: 7 });
    const plans = planSets!.map((s, i) => ({ id: `p${i}`, sets: s }));
    const table = new BandTable(plans.map(keySegment), PARAMS);
    const query = [...new Set(plans.flatMap((p) => p.sets.flat()))].slice(0, 40);
    expect(hitsOf(table, query)).toEqual(expectedHits(plans, query));
    expect(hitsOf(table, query, 9000)).toEqual(expectedHits(plans, query, 9000));
  });

  it('after plans are kept, replaced, removed and added, equals a table built afresh from the same plans', () => {
    const change = fc.record({
      first: fc.array(sets, { minLength: 1, maxLength: 5 }),
      // For each plan of the first table: kept, replaced by other keys, or removed.
      fates: fc.array(fc.oneof(fc.constant('keep' as const), fc.constant('remove' as const), sets), { minLength: 5, maxLength: 5 }),
      added: fc.array(sets, { maxLength: 3 }),
      seed: fc.nat(),
    });
    fc.assert(
      fc.property(change, ({ first, fates, added, seed }) => {
        const plans = first.map((s, i) => ({ id: `p${i}`, sets: s }));
        const segments = plans.map(keySegment);
        const previous = new BandTable(segments, PARAMS);
        const next: Array<{ plan: Plan; segment: Segment }> = [];
        plans.forEach((plan, i) => {
          const fate = fates[i]!;
          if (fate === 'keep') next.push({ plan, segment: segments[i]! });
          else if (fate !== 'remove') next.push({ plan: { id: plan.id, sets: fate }, segment: keySegment({ id: plan.id, sets: fate }) });
        });
        for (const [i, s] of added.entries()) next.push({ plan: { id: `new${i}`, sets: s }, segment: keySegment({ id: `new${i}`, sets: s }) });
        // In any order: the table does not rely on new plans coming last.
        const order = next.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const nextPlans = order.map((i) => next[i]!.plan);
        const rebuilt = new BandTable(order.map((i) => next[i]!.segment), PARAMS, previous);
        const afresh = new BandTable(nextPlans.map(keySegment), PARAMS);
        const query = [...plans, ...nextPlans].flatMap((p) => p.sets.flat());
        expect(hitsOf(rebuilt, query)).toEqual(expectedHits(nextPlans, query));
        expect(hitsOf(afresh, query)).toEqual(expectedHits(nextPlans, query));
      }),
    );
  });
});

describe('band keys of a stored plan', () => {
  const built = () => buildSegment(SEED, measureUnits(parsePlan(readRepoFile(SEED)), PARAMS), PARAMS);

  it('stay on disk until a table is built, which reads them back and finds what the built plan finds', () => {
    const segment = built();
    const keys = { keys: segment.keys, keyMeasures: segment.keyMeasures };
    const bytes = serializeSegment(segment);
    const reads: number[] = [];
    const buffers: Array<ArrayBufferLike | undefined> = [];
    const stored = deserializeSegment(bytes, SEED, PARAMS, {
      reread: (offset, length, into) => {
        reads.push(length);
        buffers.push(into?.buffer);
        const out = into ?? new Uint8Array(length);
        out.set(bytes.subarray(offset, offset + length));
        return out;
      },
    })!;
    expect(stored.keys.length).toBe(0);
    expect(stored.readBandKeys?.()).toEqual(keys);
    const query = [...keys.keys.subarray(0, 200)];
    const fromBuilt = hitsOf(new BandTable([segment], PARAMS), query);
    reads.length = 0;
    buffers.length = 0;
    expect(hitsOf(new BandTable([stored], PARAMS), query)).toEqual(fromBuilt);
    expect(fromBuilt.length).toBeGreaterThan(0);
    // Keys and measures in one read, once per pass (count, then place), into one buffer, not held in between.
    expect(reads).toEqual([keys.keys.byteLength * 2, keys.keys.byteLength * 2]);
    expect(buffers[0]).toBeDefined();
    expect(buffers[1]).toBe(buffers[0]);
    // Stored again, it is the same bytes: the keys are read back for it.
    expect(serializeSegment(stored)).toEqual(bytes);
  });

  it('are none when the stored file is gone: the plan finds nothing', () => {
    const segment = built();
    const query = [...segment.keys.subarray(0, 200)];
    const gone = deserializeSegment(serializeSegment(segment), SEED, PARAMS, { reread: () => undefined })!;
    expect(hitsOf(new BandTable([gone], PARAMS), query)).toEqual([]);
  });
});

describe('walking the shingles of a plan', () => {
  /** A segment whose sentence shingles are `shingles`, stored (read back through a reader that records what it is given) or held. */
  function withShingles(shingles: Uint32Array, stored: boolean, intos: Array<Uint32Array | undefined>): Segment {
    const segment = keySegment({ id: 'x', sets: [[]] });
    segment.sentenceOffsets = Uint32Array.of(0, shingles.length);
    if (!stored) segment.sentenceShingles = shingles;
    else {
      segment.readShingles = (from, to, into) => {
        intos.push(into);
        if (into === undefined) return shingles.slice(from, to);
        into.set(shingles.subarray(from, to));
        return into.subarray(0, to - from);
      };
    }
    return segment;
  }

  /** The blocks `forEachShingleBlock` visits, copied (each is valid only during its visit). */
  const blocks = (segment: Segment): Uint32Array[] => {
    const out: Uint32Array[] = [];
    forEachShingleBlock(segment, (block) => out.push(block.slice()));
    return out;
  };

  it('reads a large stored plan a block at a time into one buffer, and visits every shingle once', () => {
    const shingles = Uint32Array.from({ length: 150_001 }, (_, i) => (i * 2654435761) >>> 0);
    const intos: Array<Uint32Array | undefined> = [];
    const visited = blocks(withShingles(shingles, true, intos));
    expect(visited.length).toBe(3);
    expect(Uint32Array.from(visited.flatMap((b) => [...b]))).toEqual(shingles);
    expect(intos.every((into) => into !== undefined && into === intos[0])).toBe(true);
  });

  it('visits a held plan in one block, and an empty stored one once, empty', () => {
    const shingles = Uint32Array.of(5, 9, 12);
    expect(blocks(withShingles(shingles, false, []))).toEqual([shingles]);
    expect(blocks(withShingles(new Uint32Array(0), true, []))).toEqual([new Uint32Array(0)]);
  });
});
