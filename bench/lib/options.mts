// Command-line options shared by the bench scripts: each flag also reads an environment variable,
// so CI can set them without changing the command.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/lib/paths.mts';

/** A whole number from a flag, else its environment variable, else the default; anything else stops the run. */
export const wholeNumber = (name: string, flag: string | undefined, envName: string, fallback: number, min = 1): number => {
  const raw = flag ?? process.env[envName];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${raw}"`);
  return n;
};

/** Where the result files go: --out, else BENCH_OUT, else bench/results. */
export const resultsDir = (flag: string | undefined): string => path.resolve(flag ?? process.env.BENCH_OUT ?? path.join(repoRoot, 'bench', 'results'));

/** Prints a script's opening comment (its first `lines` comment lines) as its --help, and exits. */
export const printHelp = (scriptUrl: string, lines: number): never => {
  const comment = readFileSync(new URL(scriptUrl), 'utf8').split('\n').filter((l) => l.startsWith('//'));
  console.log(comment.slice(0, lines).map((l) => l.slice(3)).join('\n'));
  process.exit(0);
};
