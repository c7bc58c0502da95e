import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKETS, BucketCounts } from '../src/overlap/bucket-counts.js';

// A plain array of 2^20 counts is the model: the table must answer the same, sparse or flat.
function replay(operations: readonly [bucket: number, delta: number][]) {
  const table = new BucketCounts();
  const model = new Map<number, number>();
  for (const [bucket, delta] of operations) {
    table.add(bucket, delta);
    model.set(bucket, (model.get(bucket) ?? 0) + delta);
  }
  return { table, model };
}

describe('bucket counts', () => {
  it('count what was added, for any buckets, as a flat array would', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: BUCKETS - 1 }), fc.integer({ min: 1, max: 3 })), { maxLength: 3000 }), (operations) => {
        const { table, model } = replay(operations);
        for (const [bucket, count] of model) expect(table.count(bucket)).toBe(count);
        expect(table.count(operations.length === 0 ? 0 : (operations[0]![0] + 1) % BUCKETS)).toBe(model.get((operations[0]?.[0] ?? -1) + 1) ?? 0);
      }),
      { numRuns: 50 },
    );
  });

  it('stay small while few buckets are used, and turn flat past that without losing a count', () => {
    const few = replay(Array.from({ length: 10_000 }, (_, i) => [(i * 7919) % BUCKETS, 1] as [number, number]));
    expect(few.table.byteLength).toBeLessThan(1 << 20);
    const many = replay(Array.from({ length: 200_000 }, (_, i) => [(i * 7919) % BUCKETS, (i % 3) + 1] as [number, number]));
    expect(many.table.byteLength).toBe(BUCKETS * 8);
    for (const [bucket, count] of many.model) expect(many.table.count(bucket)).toBe(count);
  });

  it('remember a weight per bucket until told to forget, and copy independently', () => {
    const { table } = replay([[5, 2], [BUCKETS - 1, 1]]);
    let computed = 0;
    const weigh = (count: number) => Math.fround(++computed + count / 10);
    const first = table.weight(5, weigh);
    expect(table.weight(5, weigh)).toBe(first);
    expect(computed).toBe(1);
    const copy = table.copy();
    table.forgetWeights();
    table.add(5, 1);
    expect(table.weight(5, weigh)).toBe(Math.fround(2 + 3 / 10));
    expect(copy.weight(5, weigh)).toBe(first);
    expect(copy.count(5)).toBe(2);
  });

  it('keep every count across room made in advance, sparse or flat', () => {
    for (const room of [5_000, 70_000]) {
      const table = new BucketCounts();
      table.add(3, 2);
      table.reserve(room);
      const operations = Array.from({ length: 5_000 }, (_, i) => [(i * 7919) % BUCKETS, 1] as [number, number]);
      for (const [bucket, delta] of operations) table.add(bucket, delta);
      expect(table.count(3)).toBe(2 + operations.filter(([bucket]) => bucket === 3).length);
      for (const [bucket] of operations.slice(1, 50)) expect(table.count(bucket)).toBe(1);
      expect(table.byteLength === BUCKETS * 8).toBe(room > 65_536);
    }
  });
});
