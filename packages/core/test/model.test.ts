import { describe, expect, expectTypeOf, it } from 'vitest';
import { parsePlan, PlanSchema, type Plan, type PlanNode, type Range } from '../src/index.js';

describe('the model schemas, built on first use', () => {
  it('keep their inferred types (checked by the typecheck step): nodes, children and ranges are not any', () => {
    expectTypeOf<PlanNode['title']>().toEqualTypeOf<string>();
    expectTypeOf<PlanNode['children'][number]['number']>().toEqualTypeOf<number>();
    expectTypeOf<Plan['children'][number]['range']>().toEqualTypeOf<Range>();
    expectTypeOf<Plan['preamble']>().not.toBeAny();
  });

  it('parse a plan as the parser makes it, and reject one that is not', () => {
    const plan = parsePlan('一、总体要求\n1.加强融资支持服务。\n');
    expect(PlanSchema.parse(plan)).toEqual(plan);
    expect(PlanSchema.safeParse({ ...plan, kind: 'draft' }).success).toBe(false);
  });
});
