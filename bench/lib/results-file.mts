// What every results file says besides its figures (the machine, the code and the software
// measured), and how it is written: `<name>-<YYYY-MM-DD>.json` and `.md`, each replaced whole.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/paths.mts';
import { round } from './progress.mts';

/** The installed version of a package of the workspace, or `unknown`. */
export const packageVersion = (name: string): string => {
  try {
    return JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
};

/** The commit measured, and whether the working tree had changes on top of it. */
export const sourceState = () => {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: repoRoot, encoding: 'utf8' });
  const head = git('rev-parse', '--short=12', 'HEAD');
  if (head.status !== 0) return { commit: 'unknown', uncommittedChanges: null };
  const status = git('status', '--porcelain', '--', '.', ':(exclude)bench'); // the benchmark's own files do not change what is measured
  return { commit: head.stdout.trim(), uncommittedChanges: status.status === 0 ? status.stdout.trim().length > 0 : null };
};

/** The machine as the run starts: figures depend on all of it, the load average most. */
export const machine = () => {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverageAtStart: os.loadavg().map((n) => round(n, 2)),
  };
};

/** The local date of a run's start, as the results files are named. */
export const runDate = (startedAt: Date): string =>
  `${startedAt.getFullYear()}-${String(startedAt.getMonth() + 1).padStart(2, '0')}-${String(startedAt.getDate()).padStart(2, '0')}`;

const writeAtomically = (file: string, text: string) => {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
};

/** Writes `<dir>/<name>-<date>.json` and `.md` (a run of the same day replaces them); the path without extension. */
export const writeResults = (dir: string, name: string, date: string, results: unknown, markdown: string): string => {
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${name}-${date}`);
  writeAtomically(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeAtomically(`${base}.md`, markdown);
  return base;
};
