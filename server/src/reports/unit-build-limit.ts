export interface UnitBuildLimitOptions {
  /** Builds of one unit running at once: fewer than a pool's workers, so that other units get theirs. */
  running?: number;
  /** Builds of one unit waiting for a turn beyond those; any more are refused. */
  queued?: number;
  /**
   * What a refused build is told to wait before asking again, in seconds: 5, about what the four
   * year reports of 5,000 items ahead of it take on one worker (three took 2.5–2.8 s, measured).
   */
  retryAfterSeconds?: number;
}

/** A unit has as many builds running and waiting as it may: ask again after `retryAfterSeconds`. */
export class BuildsBusyError extends Error {
  override name = 'BuildsBusyError';
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Đơn vị đang dựng nhiều báo cáo, thử lại sau ${retryAfterSeconds} giây / Your unit is building too many reports at once; retry in ${retryAfterSeconds} s.`,
    );
  }
}

interface UnitTurns {
  running: number;
  waiting: Array<() => void>;
}

/**
 * Report builds per unit: a few at once, a short queue behind them, and a refusal beyond it, so
 * that one unit (two members downloading a month in a loop) cannot hold every report worker while
 * other units wait. The queue is first come first served within a unit.
 */
export class UnitBuildLimit {
  readonly #running: number;
  readonly #queued: number;
  readonly #retryAfterSeconds: number;
  readonly #units = new Map<string, UnitTurns>();

  constructor({ running = 2, queued = 2, retryAfterSeconds = 5 }: UnitBuildLimitOptions = {}) {
    this.#running = running;
    this.#queued = queued;
    this.#retryAfterSeconds = retryAfterSeconds;
  }

  /** Runs `build` in one of the unit's turns; rejects with {@link BuildsBusyError} when none is left. */
  async run<T>(unitId: string, build: () => Promise<T>): Promise<T> {
    const turns = this.#units.get(unitId) ?? { running: 0, waiting: [] };
    this.#units.set(unitId, turns);
    if (turns.running >= this.#running) {
      if (turns.waiting.length >= this.#queued) throw new BuildsBusyError(this.#retryAfterSeconds);
      // The finishing build hands its turn over: `running` stays as it is.
      await new Promise<void>((start) => turns.waiting.push(start));
    } else {
      turns.running += 1;
    }
    try {
      return await build();
    } finally {
      const next = turns.waiting.shift();
      if (next) next();
      else if (--turns.running === 0) this.#units.delete(unitId);
    }
  }
}
