/**
 * The load generator of `server-load.bench.ts`, run as its own process so that it never shares
 * an event loop with the server: `node --import tsx load-generator.ts '<LoadPlan as JSON>'`.
 *
 * Keep-alive HTTP/1.1 connections over raw sockets (the cheapest client Node has, so the machine's
 * cores go to the server), each sending single-item pushes: one new clip per request, as the
 * extension pushes a clip saved while online. Prints one `LoadReport` as JSON on stdout.
 *
 * - `saturate`: every connection sends its next push as soon as the previous one is answered.
 * - `rate`: an open loop, `rate` pushes a second spread over the connections. A push's latency is
 *   counted from when it was due, not from when a free connection sent it, so a stalled server is
 *   not hidden by requests that were never sent (coordinated omission).
 */
import { connect, type Socket } from 'node:net';

export interface LoadPlan {
  url: string;
  /** Bearer tokens; connection i pushes with tokens i, i + connections, … in turn. */
  tokens: string[];
  connections: number;
  mode: 'saturate' | 'rate';
  /** Pushes per second, in `rate` mode. */
  rate?: number;
  /** Excluded from the figures: the JIT and the database caches warm up. */
  warmupMs: number;
  durationMs: number;
}

export interface LoadReport {
  /** 2xx answers received within the measured window. */
  ok: number;
  /**
   * Answers by status over the whole run; `error` for a dropped connection, `unacknowledged` for a
   * 2xx answer whose `applied` is not the push's mutation id.
   */
  statuses: Record<string, number>;
  measuredMs: number;
  /**
   * Milliseconds, over the pushes due within the measured window. A push still unanswered when the
   * run ends (an overloaded server) counts with the time it had waited by then: a lower bound.
   */
  latency: { p50: number; p90: number; p99: number; max: number };
  /** Pushes due within the window and still unanswered at the end. */
  unanswered: number;
  /** This generator's own CPU per answer, µs: it shares the machine's cores with the server. */
  generatorCpuUsPerAnswer: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const DAY = '2021-03-15';
let sequence = 0;

/** A push's body, and what its answer must acknowledge: `"applied":["<its mutation id>"]`. */
function pushBody(clientId: string): { body: string; acknowledged: string } {
  sequence += 1;
  const hlc = `${Date.now()}-${String(sequence % 10_000).padStart(4, '0')}-${clientId}`;
  const text = `Góp ý dự thảo Kế hoạch số ${sequence} của UBND tỉnh về công tác đối ngoại năm 2021.`;
  const mutationId = `m${crypto.randomUUID().replaceAll('-', '')}`;
  const body = JSON.stringify({
    clientId,
    mutations: [
      {
        mutationId,
        itemId: crypto.randomUUID(),
        hlc,
        set: {
          kind: 'result',
          text,
          lead: null,
          category: 'intl_cooperation',
          categorySource: 'suggested',
          occurredOn: DAY,
          metric: null,
          value: null,
          dueOn: null,
          status: null,
          plannedFor: null,
          source: {
            url: `https://ioffice.hatinh.gov.vn/van-ban-di/chi-tiet?id=${sequence}`,
            title: 'Chi tiết văn bản đi - Hệ thống quản lý văn bản và điều hành',
            selection: text,
            document: null,
          },
          rank: sequence,
          tags: [],
          deleted: false,
          createdAt: `${DAY}T02:00:00.000Z`,
        },
      },
    ],
  });
  return { body, acknowledged: `"applied":["${mutationId}"]` };
}

/** An answer that had a 2xx status but did not acknowledge its push. */
const UNACKNOWLEDGED = -1;

/** One keep-alive connection sending one request at a time, with a minimal HTTP/1.1 response parser. */
class Connection {
  private socket: Socket;
  private buffer: Buffer = Buffer.alloc(0);
  private pending: ((status: number) => void) | undefined;
  private acknowledged = '';
  private turn = 0;
  busy = false;

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly tokens: string[],
    private readonly clientId: string,
  ) {
    this.socket = this.open();
  }

  private open(): Socket {
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      // A connection the server closed: the request in flight is an error; the next one reconnects.
      this.buffer = Buffer.alloc(0);
      const pending = this.pending;
      this.pending = undefined;
      if (pending) pending(0);
    });
    return socket;
  }

  send(): Promise<number> {
    if (this.socket.destroyed || this.socket.closed) this.socket = this.open();
    const { body, acknowledged } = pushBody(this.clientId);
    this.acknowledged = acknowledged;
    const token = this.tokens[this.turn++ % this.tokens.length];
    this.socket.write(
      `POST /v1/sync/push HTTP/1.1\r\nHost: ${this.host}:${this.port}\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}`,
    );
    return new Promise((done) => {
      this.pending = done;
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffer.subarray(0, headEnd).toString('latin1');
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    let end: number;
    if (length) {
      end = headEnd + 4 + Number(length[1]);
      if (this.buffer.length < end) return;
    } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      const last = this.buffer.indexOf('\r\n0\r\n\r\n', headEnd);
      if (last < 0) return;
      end = last + 7;
    } else {
      end = headEnd + 4;
    }
    // Checked on the bytes, without parsing the JSON: the generator's CPU is the server's lost.
    const acknowledged = this.buffer.subarray(headEnd + 4, end).includes(this.acknowledged);
    this.buffer = this.buffer.subarray(end);
    const pending = this.pending;
    this.pending = undefined;
    pending?.(status >= 200 && status < 300 && !acknowledged ? UNACKNOWLEDGED : status);
  }

  close(): void {
    this.socket.destroy();
  }
}

async function main(plan: LoadPlan): Promise<LoadReport> {
  const { hostname, port } = new URL(plan.url);
  const connections = Array.from({ length: plan.connections }, (_, i) => {
    const tokens = plan.tokens.filter((_, t) => t % plan.connections === i);
    return new Connection(hostname, Number(port), tokens.length > 0 ? tokens : plan.tokens, `bench${i}`);
  });
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const measureFrom = start + plan.warmupMs;
  const stopAt = measureFrom + plan.durationMs;
  let ok = 0;

  const inWindow = (t: number) => t >= measureFrom && t < stopAt;
  const record = (status: number, dueAt: number, answeredAt: number) => {
    const key = status === 0 ? 'error' : status === UNACKNOWLEDGED ? 'unacknowledged' : String(status);
    statuses[key] = (statuses[key] ?? 0) + 1;
    if (status < 200 || status >= 300) return;
    if (inWindow(answeredAt)) ok += 1;
    if (inWindow(dueAt)) latencies.push(answeredAt - dueAt);
  };

  let unanswered = 0;
  if (plan.mode === 'saturate') {
    await Promise.all(
      connections.map(async (c) => {
        while (performance.now() < stopAt) {
          const sentAt = performance.now();
          const status = await c.send();
          record(status, sentAt, performance.now());
        }
      }),
    );
  } else {
    const rate = plan.rate ?? 1000;
    const queues: number[][] = connections.map(() => []);
    const inFlight: (number | undefined)[] = connections.map(() => undefined);
    let due = 0;
    let ended = false;
    const pump = (i: number) => {
      const c = connections[i]!;
      if (ended || c.busy || queues[i]!.length === 0) return;
      const dueAt = queues[i]!.shift()!;
      c.busy = true;
      inFlight[i] = dueAt;
      void c.send().then((status) => {
        c.busy = false;
        inFlight[i] = undefined;
        record(status, dueAt, performance.now());
        pump(i);
      });
    };
    await new Promise<void>((done) => {
      const tick = () => {
        const now = performance.now();
        if (now >= stopAt) return done();
        const target = Math.floor(((now - start) * rate) / 1000);
        for (; due < target; due++) {
          const i = due % connections.length;
          queues[i]!.push(start + (due * 1000) / rate);
          pump(i);
        }
        // A timer, not setImmediate: a spinning generator would take the core the server needs.
        setTimeout(tick, 1);
      };
      tick();
    });
    // The backlog gets a moment to drain; what is still waiting then counts with its wait so far.
    const grace = performance.now() + 3000;
    while (connections.some((c) => c.busy) && performance.now() < grace) {
      await new Promise((done) => setTimeout(done, 5));
    }
    ended = true;
    const end = performance.now();
    for (const dueAt of [...queues.flat(), ...inFlight.filter((t) => t !== undefined)]) {
      if (!inWindow(dueAt)) continue;
      unanswered += 1;
      latencies.push(end - dueAt);
    }
  }
  for (const c of connections) c.close();
  const cpu = process.cpuUsage(cpuBefore);
  const answers = Object.values(statuses).reduce((n, count) => n + count, 0);
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    ok,
    statuses,
    measuredMs: plan.durationMs,
    latency: {
      p50: round(percentile(latencies, 50)),
      p90: round(percentile(latencies, 90)),
      p99: round(percentile(latencies, 99)),
      max: round(latencies.at(-1) ?? Number.NaN),
    },
    unanswered,
    generatorCpuUsPerAnswer: Math.round((cpu.user + cpu.system) / answers),
  };
}

const plan = JSON.parse(process.argv[2] ?? '') as LoadPlan;
main(plan).then(
  (report) => {
    process.stdout.write(`${JSON.stringify(report)}\n`);
    process.exit(0);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
