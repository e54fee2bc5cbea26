// The W3C Nu HTML Checker (npm `vnu-jar`) on Debian's Java, over many pages in one run: a Java
// start costs seconds, a page a few milliseconds.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../../scripts/lib/paths.mts';

const vnuJar = path.join(repoRoot, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

export interface HtmlError {
  file: string;
  line?: number;
  message: string;
  /** The bit of the page the checker points at. */
  extract?: string;
}

/**
 * Every error the checker finds in these files (warnings left out); throws when the checker itself
 * cannot run. Asynchronous, so the test's open connections to the CMS live through the seconds it takes.
 */
export const htmlErrors = async (files: string[]): Promise<HtmlError[]> => {
  if (files.length === 0) return [];
  const args = ['-Xmx512m', '-jar', vnuJar, '--format', 'json', '--errors-only', '--exit-zero-always', '--stdout', ...files];
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)('java', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new Error('could not run the Nu HTML Checker: no java on PATH (Debian: apt-get install default-jre-headless)');
    throw new Error(`the Nu HTML Checker failed: ${e.message}\n${e.stderr ?? ''}`);
  }
  const answer = JSON.parse(stdout) as { messages: { type: string; url?: string; lastLine?: number; message: string; extract?: string }[] };
  return answer.messages
    .filter((m) => m.type !== 'info')
    .map((m) => ({ file: m.url ? fileURLToPath(m.url) : '(no file)', line: m.lastLine, message: m.message, extract: m.extract }));
};
