// Sizes the chunks of a long job so that each chunk's statement (or transaction) holds the one
// embedded connection for about `targetMs`: the size adapts to what the last chunk took, so the
// same job splits finely on a slow machine or a cold cache and coarsely where work is cheap. It
// grows by half at most per chunk and never past `max`: after a run of cheap chunks (ids with no
// data) the next dense one must not come in a size that holds the database for seconds.
export interface ChunkSizerOptions {
  targetMs: number;
  min: number;
  max: number;
}

export class ChunkSizer {
  private current: number;
  constructor(
    initial: number,
    private readonly opts: ChunkSizerOptions = { targetMs: 30, min: 20, max: 2000 },
  ) {
    this.current = initial;
  }

  get size(): number {
    return this.current;
  }

  /** Records that a chunk of `n` items took `ms`; the next chunk is sized to take about targetMs. */
  took(n: number, ms: number): void {
    if (n <= 0 || n < this.current / 2) return; // a short last chunk tells little
    const perItem = Math.max(ms, 1) / n;
    const next = this.opts.targetMs / perItem;
    // grow by half at most at a time, shrink at once
    this.current = Math.round(Math.min(this.opts.max, Math.max(this.opts.min, Math.min(next, this.current * 1.5))));
  }

  /** Times `fn` on a chunk of `n` items and records it. */
  async time<T>(n: number, fn: () => Promise<T>): Promise<T> {
    const t0 = performance.now();
    const r = await fn();
    this.took(n, performance.now() - t0);
    return r;
  }
}
