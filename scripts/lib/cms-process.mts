// Runs the CMS (the compiled app, started by cms/server.js; another app by `strapi start`) as a
// child process and waits until it answers.
import { spawn, type ChildProcess } from 'node:child_process';
import pWaitFor from 'p-wait-for';
import { cmsDir, cmsServer, strapiBin } from './paths.mts';

export interface RunningCms {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process printed so far, for error reports. */
  output(): string;
  stop(): Promise<void>;
}

// Every CMS this process started and has not stopped yet, so that nothing outlives a failed test.
const live = new Set<() => Promise<void>>();

export const stopAllCms = async (): Promise<void> => {
  await Promise.all([...live].map((stop) => stop()));
};

/** Resolves once `url` answers below 500; rejects if the process died first or after `timeoutMs`. */
export const waitForHttp = (url: string, timeoutMs: number, isAlive: () => boolean): Promise<void> =>
  pWaitFor(
    async () => {
      if (!isAlive()) throw new Error(`the process exited before ${url} answered`);
      try {
        const res = await fetch(url);
        await res.body?.cancel();
        return res.status < 500;
      } catch {
        return false; // not listening yet
      }
    },
    { interval: 250, timeout: { milliseconds: timeoutMs, message: `${url} did not answer within ${timeoutMs / 1000} s` } }
  );

/**
 * A young generation of 32 MiB a half instead of V8's default: the front desk's week board makes
 * megabytes of short-lived rows and JSON per request, which a small one promotes to the old
 * generation, whose collections then stopped the CMS for 70 to 100 ms at a time (bench/README.md).
 * cms/package.json's start script, which a deployment runs, passes the same.
 */
export const CMS_NODE_FLAGS = ['--max-semi-space-size=32'];

export const startCms = async (options: {
  port: number;
  env: Record<string, string>;
  /** Echo the CMS log to this process's stdout (npm start); tests keep it for failures. */
  echo?: boolean;
  timeoutMs?: number;
  /** The app to start; Linli's own cms/ unless another app is named (the foreign-app test). */
  cwd?: string;
}): Promise<RunningCms> => {
  let output = '';
  const child = spawn(process.execPath, [...CMS_NODE_FLAGS, ...(options.cwd ? [strapiBin, 'start'] : [cmsServer])], {
    cwd: options.cwd ?? cmsDir,
    env: { ...process.env, ...options.env, PORT: String(options.port), STRAPI_TELEMETRY_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
    if (options.echo) process.stdout.write(chunk);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));

  const url = `http://127.0.0.1:${options.port}`;
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const stop = async () => {
    live.delete(stop);
    process.removeListener('exit', killOnExit);
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exitedPromise;
    clearTimeout(timer);
  };
  live.add(stop);
  try {
    await waitForHttp(`${url}/_health`, options.timeoutMs ?? 240_000, () => !exited);
  } catch (error) {
    await stop();
    throw new Error(`The CMS did not start: ${(error as Error).message}\n--- CMS output ---\n${output.slice(-8000)}`);
  }
  return { url, port: options.port, child, output: () => output, stop };
};
