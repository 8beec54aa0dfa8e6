/**
 * The ingest progress line on stderr: a redrawn bar on a TTY, otherwise a plain line at most every 5 seconds
 * (logs stay readable in CI). Counts only, never record text.
 *
 * @example
 *   const bar = new ProgressBar(process.stderr, 120); bar.update({ done: 30, failed: 1, entities: 410 });
 *   // [#######.....................]  30/120  1 failed  410 entities  12.4 rec/s
 */
export interface Counts {
  done: number;
  failed: number;
  entities: number;
}

interface Stream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

const WIDTH = 28;
const PLAIN_EVERY_MS = 5000;

export class ProgressBar {
  private readonly startedAt = Date.now();
  private lastPlain = 0;

  constructor(private readonly out: Stream, private total: number) {}

  /** For runs that learn their size as they go (reprocess pages through the graph). */
  setTotal(total: number): void {
    this.total = total;
  }

  update(c: Counts): void {
    const line = this.render(c);
    if (this.out.isTTY) {
      this.out.write(`\r${line}\u001b[K`);
    } else if (Date.now() - this.lastPlain >= PLAIN_EVERY_MS || c.done === this.total) {
      this.lastPlain = Date.now();
      this.out.write(`${line}\n`);
    }
  }

  finish(): void {
    if (this.out.isTTY) this.out.write('\n');
  }

  render(c: Counts): string {
    const ratio = this.total === 0 ? 1 : Math.min(1, c.done / this.total);
    const filled = Math.round(ratio * WIDTH);
    const seconds = Math.max((Date.now() - this.startedAt) / 1000, 1e-3);
    return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(c.done).padStart(String(this.total).length)}/${this.total}` +
      `  ${c.failed} failed  ${c.entities} entities  ${(c.done / seconds).toFixed(1)} rec/s`;
  }
}
