// librbd's QoS throttle (ceph/ceph src/common/Throttle.cc TokenBucketThrottle, used by
// src/librbd/io/QosImageDispatch.cc): tokens refill at `limit` per second in ticks of
// rbd_qos_schedule_tick_min (50 ms); the bucket holds `burst` (the limit when burst is 0).

/** A token bucket on an explicit clock. */
export class TokenBucket {
  private tokens: number;
  private carryMs = 0;

  constructor(readonly limit: number, readonly burst = 0, readonly tickMs = 50) {
    this.tokens = this.capacity();
  }

  /** Bucket size: burst, or the per-second limit when no burst is set. */
  capacity(): number {
    return this.burst > 0 ? this.burst : this.limit;
  }

  /** Adds the tokens of every whole tick in `dtMs`. */
  refill(dtMs: number): void {
    this.carryMs += dtMs;
    const ticks = Math.floor(this.carryMs / this.tickMs);
    this.carryMs -= ticks * this.tickMs;
    this.tokens = Math.min(this.capacity(), this.tokens + (this.limit * this.tickMs * ticks) / 1000);
  }

  /** Takes up to `n` tokens; returns how many I/Os may go now (the rest wait for later ticks). */
  take(n: number): number {
    const granted = Math.min(n, Math.floor(this.tokens));
    this.tokens -= granted;
    return granted;
  }
}
