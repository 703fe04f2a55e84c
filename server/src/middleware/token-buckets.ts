export interface TokenBucketOptions {
  /** Tokens a key gets back per second. */
  perSecond: number;
  /** Tokens a key holds at most, and holds at first. */
  burst: number;
  /** Milliseconds since some fixed origin. */
  now: () => number;
  /** Keys kept at most: past this, full buckets are dropped, then the oldest. */
  maxKeys?: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

export interface TokenBuckets {
  /** Seconds until `key` holds a token: 0 when it holds one now. */
  wait(key: string): number;
  /** Spends one of `key`'s tokens when it holds one; else the seconds until it will. */
  take(key: string): number;
  /** Spends one of `key`'s tokens, or none left: it then waits for the next. */
  spend(key: string): void;
  readonly size: number;
}

/**
 * Token buckets by key, in this process's memory, bounded: a key whose bucket has refilled is the
 * same as no bucket, and past `maxKeys` those are dropped, then the least recently spent (their
 * owners then start afresh), so addresses an attacker makes up cannot grow the map without end.
 */
export function tokenBuckets({ perSecond, burst, now, maxKeys = 10_000 }: TokenBucketOptions): TokenBuckets {
  const buckets = new Map<string, Bucket>();
  const refill = (bucket: Bucket, t: number) => {
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * perSecond);
    bucket.at = t;
  };
  const secondsFor = (bucket: Bucket) => Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  // A tenth of the room is freed at once, so a full map is swept once every `maxKeys / 10` new keys.
  const makeRoom = (t: number) => {
    for (const [key, bucket] of buckets) {
      refill(bucket, t);
      if (bucket.tokens >= burst) buckets.delete(key);
    }
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys * 0.9) break;
      buckets.delete(key);
    }
  };
  const bucketOf = (key: string, t: number) => {
    const held = buckets.get(key);
    if (held) {
      refill(held, t);
      // Spent again: moved to the end of the map's order, the last to be dropped.
      buckets.delete(key);
      buckets.set(key, held);
      return held;
    }
    if (buckets.size >= maxKeys) makeRoom(t);
    const bucket = { tokens: burst, at: t };
    buckets.set(key, bucket);
    return bucket;
  };
  return {
    wait(key) {
      const bucket = buckets.get(key);
      if (!bucket) return 0;
      refill(bucket, now());
      return bucket.tokens >= 1 ? 0 : secondsFor(bucket);
    },
    take(key) {
      const bucket = bucketOf(key, now());
      if (bucket.tokens < 1) return secondsFor(bucket);
      bucket.tokens -= 1;
      return 0;
    },
    spend(key) {
      const bucket = bucketOf(key, now());
      bucket.tokens = Math.max(0, bucket.tokens - 1);
    },
    get size() {
      return buckets.size;
    },
  };
}
