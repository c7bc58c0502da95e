/** Where the progress line goes: a terminal's stderr, or nowhere. */
export interface ProgressSink {
  isTTY: boolean;
  write(text: string): void;
}

// Short runs finish before a progress line would help; it appears once a run has taken this long.
const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;

/**
 * A one-line `n/N` progress indicator on stderr, redrawn in place, only on a terminal and only for
 * runs that take more than a second; `clear()` erases it before the report is printed.
 */
export class ProgressLine {
  private readonly started = Date.now();
  private lastDrawn = 0;
  private shown = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly label: (done: number, total: number) => string,
  ) {}

  update(done: number, total: number): void {
    if (!this.sink.isTTY) return;
    const now = Date.now();
    if (now - this.started < SHOW_AFTER_MS || now - this.lastDrawn < REDRAW_EVERY_MS) return;
    this.lastDrawn = now;
    this.shown = true;
    this.sink.write(`\r\x1b[K${this.label(done, total)}`);
  }

  clear(): void {
    if (this.shown) this.sink.write('\r\x1b[K');
    this.shown = false;
  }
}
