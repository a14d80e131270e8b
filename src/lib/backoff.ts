/** Exponential back-off with a cap, as client-go's wait.Backoff and workqueue rate limiters use it. */
export class Backoff {
  private attempts = 0;

  constructor(private readonly baseMs = 5, private readonly capMs = 30_000, private readonly factor = 2) {}

  /** The next delay; each call doubles it up to the cap. */
  next(): number {
    const d = Math.min(this.capMs, this.baseMs * this.factor ** this.attempts);
    this.attempts++;
    return d;
  }

  /** Starts again from the base delay. */
  reset(): void {
    this.attempts = 0;
  }
}
