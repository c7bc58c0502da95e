import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressLine, type ProgressSink } from '../src/progress.js';

const START = new Date('2025-03-01T09:00:00Z').getTime();
const ERASE = '\r\x1b[K';

/** A stderr stand-in that records what is written to it. */
function sink(isTTY: boolean): ProgressSink & { writes: string[] } {
  const writes: string[] = [];
  return { isTTY, writes, write: (text) => void writes.push(text) };
}

/** Moves the clock to `ms` after the line was made. */
function at(ms: number): void {
  vi.setSystemTime(START + ms);
}

describe('ProgressLine', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const label = (done: number, total: number): string => `${done}/${total}`;

  it('draws nothing during the first second, then draws the line in place', () => {
    const tty = sink(true);
    const line = new ProgressLine(tty, label);
    at(0);
    line.update(1, 50);
    at(999);
    line.update(2, 50);
    expect(tty.writes).toEqual([]);
    at(1000);
    line.update(3, 50);
    expect(tty.writes).toEqual([`${ERASE}3/50`]);
  });

  it('redraws at most every 100 ms, with the latest count', () => {
    const tty = sink(true);
    const line = new ProgressLine(tty, label);
    at(1000);
    line.update(10, 50);
    at(1050);
    line.update(11, 50);
    at(1099);
    line.update(12, 50);
    at(1100);
    line.update(13, 50);
    at(1150);
    line.update(14, 50);
    at(1250);
    line.update(15, 50);
    expect(tty.writes).toEqual([`${ERASE}10/50`, `${ERASE}13/50`, `${ERASE}15/50`]);
  });

  it('clear() erases a drawn line once, before the report', () => {
    const tty = sink(true);
    const line = new ProgressLine(tty, label);
    at(1500);
    line.update(49, 50);
    line.clear();
    line.clear();
    expect(tty.writes).toEqual([`${ERASE}49/50`, ERASE]);
  });

  it('clear() writes nothing after a run too short to draw the line', () => {
    const tty = sink(true);
    const line = new ProgressLine(tty, label);
    at(400);
    line.update(50, 50);
    line.clear();
    expect(tty.writes).toEqual([]);
  });

  it('never writes to a stderr that is not a terminal, however long the run', () => {
    const pipe = sink(false);
    const line = new ProgressLine(pipe, label);
    for (let ms = 0; ms <= 60_000; ms += 250) {
      at(ms);
      line.update(ms / 250, 240);
    }
    line.clear();
    expect(pipe.writes).toEqual([]);
  });
});
