// Preloaded into the benchmarked CMS (NODE_OPTIONS=--import) so the bench can read how long the
// CMS's event loop was blocked during each scenario without code in the product for it.
// `GET /__bench/event-loop-delay` answers the delay histogram since the previous such request
// (max, p99, mean in ms) and starts a new one; no other request sees any difference.
// The histogram records the time between two ticks of a RESOLUTION_MS timer, so an idle loop
// shows RESOLUTION_MS: that is taken off, leaving how much later than due the timer fired.
// It also answers the longest garbage collection in the same span (gcMaxMs, and gcMajorMaxMs for
// mark-compact), so a late loop can be told from a slow request.
// On a machine the CMS shares with its database and the load generator, a timer is also late when
// the CMS's thread is ready but another process has the CPU. On Linux the kernel counts that wait
// per thread (/proc/<pid>/task/<tid>/schedstat, its second field): a second timer takes it off each
// tick's lateness, leaving how long the loop itself ran without a break (busyMaxMs, busyP99Ms).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { constants, createHistogram, monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

export const EVENT_LOOP_PATH = '/__bench/event-loop-delay';

const RESOLUTION_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

let gc = { maxMs: 0, majorMaxMs: 0, count: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.count++;
    gc.maxMs = Math.max(gc.maxMs, entry.duration);
    if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.majorMaxMs = Math.max(gc.majorMaxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });
const round = (n: number) => Math.round(n * 100) / 100;

/** Nanoseconds the main thread has waited, ready to run, for a CPU; undefined where the kernel does not say. */
const SCHEDSTAT = `/proc/${process.pid}/task/${process.pid}/schedstat`;
const cpuWaitNs = (): number | undefined => {
  try {
    return Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[1]);
  } catch {
    return undefined;
  }
};
// Microseconds; a histogram takes whole numbers of at least 1.
const busy = createHistogram();
const measuresBusy = cpuWaitNs() !== undefined;
if (measuresBusy) {
  let last = process.hrtime.bigint();
  let lastWait = cpuWaitNs()!;
  setInterval(() => {
    const now = process.hrtime.bigint();
    const wait = cpuWaitNs()!;
    const lateUs = Number(now - last) / 1e3 - RESOLUTION_MS * 1e3;
    busy.record(Math.max(1, Math.round(lateUs - (wait - lastWait) / 1e3)));
    last = now;
    lastWait = wait;
  }, RESOLUTION_MS).unref();
}
const busyMs = (us: number) => (measuresBusy ? Math.max(0, Math.round(us / 10) / 100) : null);

const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (this: http.Server, event: string, ...args: any[]) {
  if (event === 'request' && (args[0] as http.IncomingMessage).url === EVENT_LOOP_PATH) {
    const body = JSON.stringify({
      maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), meanMs: ms(histogram.mean), samples: histogram.count, resolutionMs: RESOLUTION_MS,
      gcMaxMs: round(gc.maxMs), gcMajorMaxMs: round(gc.majorMaxMs), gcCount: gc.count,
      busyMaxMs: busyMs(busy.max), busyP99Ms: busyMs(busy.percentile(99)),
    });
    histogram.reset();
    busy.reset();
    gc = { maxMs: 0, majorMaxMs: 0, count: 0 };
    (args[1] as http.ServerResponse).writeHead(200, { 'content-type': 'application/json' }).end(body);
    return true;
  }
  return Reflect.apply(emit, this, [event, ...args]) as boolean;
} as typeof emit;
