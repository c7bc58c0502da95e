import { nodesOfKind, normalizeForMatch, PlanSchema, walkNodes } from '@policylint/core';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const SEED = 'seeds/xiamen-2023-business-environment-action-plan.txt';

describe('policylint outline', () => {
  it('prints the seed as the core model in JSON', () => {
    const { status, stdout, stderr } = runCli(['outline', SEED, '--format', 'json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const plan = PlanSchema.parse(JSON.parse(stdout));
    expect(plan.children.map((p) => [p.kind, p.number])).toEqual([1, 2, 3, 4, 5].map((n) => ['part', n]));
    expect(plan.children.map((p) => p.children.filter((c) => c.kind === 'section').length)).toEqual([0, 3, 3, 0, 0]);
    const measures = nodesOfKind(plan, 'measure');
    expect(measures.map((m) => m.number)).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(normalizeForMatch(measures[2]!.title)).toBe('加强融资支持服务');
    expect(normalizeForMatch(measures[27]!.title)).toBe('完善市场主体满意度动态监测机制');
    const damaged = [...walkNodes(plan)].filter(({ node }) => node.damaged).map(({ node }) => [node.kind, node.number]);
    expect(damaged).toEqual([['section', 1], ['section', 3], ['section', 1], ['section', 2]]);
  });

  it('prints the seed as an indented tree with clean titles', () => {
    const { status, stdout } = runCli(['outline', SEED]);
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe('《廈門市再創營商環境新優勢助力企業高質量發展行動方案》');
    expect(lines).toContain('二、推進重點領域改進提升和集成創新,激發市場活力新優勢');
    expect(lines).toContain('  (二)營造公平公正的法治環境');
    expect(lines).toContain('    3.加強融資支持服務');
    expect(lines.filter((l) => l.endsWith('［文字损坏］'))).toHaveLength(4);
    expect(lines.filter((l) => /^ {4}\d+\./.test(l) || /^ {2}\d+\./.test(l))).toHaveLength(28);
  });

  it('speaks English with --locale en', () => {
    const { stdout } = runCli(['outline', SEED, '--locale', 'en']);
    expect(stdout.split('\n').filter((l) => l.endsWith('[damaged text]'))).toHaveLength(4);
  });

  it.each([
    ['gov-guofa-2018-38-ftz-deepen-reform-measures.txt', 5, 53],
    ['gov-guobanfa-2019-6-financing-guarantee-fund.txt', 8, 27],
    ['gov-guofa-2019-5-double-random-one-public.txt', 4, 10],
  ])('prints %s with %i parts and %i measures', (file, parts, measures) => {
    const { status, stdout } = runCli(['outline', `test/fixtures/real-policies/${file}`, '--format', 'json']);
    expect(status).toBe(0);
    const plan = PlanSchema.parse(JSON.parse(stdout));
    expect(plan.children).toHaveLength(parts);
    expect(nodesOfKind(plan, 'measure')).toHaveLength(measures);
  });
});

describe('policylint outline on bad input', () => {
  it.each([
    [['outline', 'no-such-file.txt'], 'no-such-file.txt：找不到文件'],
    [['outline', 'seeds'], 'seeds：是目录，不是文件'],
    [['outline', 'no-such-file.txt', '--locale', 'en'], 'no-such-file.txt: no such file'],
  ])('%j exits 2 with one line: %s', (args, line) => {
    const { status, stdout, stderr } = runCli(args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`policylint: ${line}\n`);
  });

  it.each([[['outline']], [['outline', SEED, '--format', 'xml']], [['frobnicate']]])('%j is a usage error: exit 2, no stack trace', (args) => {
    const { status, stderr } = runCli(args);
    expect(status).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
