// Preloaded into the benchmarked CMS (NODE_OPTIONS=--import) so the bench can read how long the
// CMS's event loop was blocked during each scenario without code in the product for it.
// `GET /__bench/event-loop-delay` answers the delay histogram since the previous such request
// (max, p99, mean in ms) and starts a new one; no other request sees any difference.
// The histogram records the time between two ticks of a RESOLUTION_MS timer, so an idle loop
// shows RESOLUTION_MS: that is taken off, leaving how much later than due the timer fired.
import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const EVENT_LOOP_PATH = '/__bench/event-loop-delay';

const RESOLUTION_MS = 10;
const histogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
histogram.enable();

const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - RESOLUTION_MS) * 100) / 100);
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (this: http.Server, event: string, ...args: any[]) {
  if (event === 'request' && (args[0] as http.IncomingMessage).url === EVENT_LOOP_PATH) {
    const body = JSON.stringify({ maxMs: ms(histogram.max), p99Ms: ms(histogram.percentile(99)), meanMs: ms(histogram.mean), samples: histogram.count, resolutionMs: RESOLUTION_MS });
    histogram.reset();
    (args[1] as http.ServerResponse).writeHead(200, { 'content-type': 'application/json' }).end(body);
    return true;
  }
  return Reflect.apply(emit, this, [event, ...args]) as boolean;
} as typeof emit;
