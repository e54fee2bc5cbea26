import { spawn } from 'node:child_process';
import path from 'node:path';
import { childHostZone, HOST_ZONE_MARKER, HOST_ZONES } from './host-zone';

const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
const jestBin = path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');

/** The files with describeWhateverTheHostZone cases. */
const FILES = ['core/time/zoned.test.ts', 'calendar/build-calendar.test.ts', 'messages/reservation-messages.test.ts'].map((f) => path.join(__dirname, f));

interface JestJson {
  numFailedTests: number;
  testResults: Array<{ name: string; status: string; message: string; assertionResults: Array<{ fullName: string; status: string }> }>;
}

const runJestInZone = (zone: string) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [jestBin, '--selectProjects=unit', '--runInBand', '--json', `--testNamePattern=${HOST_ZONE_MARKER}`, '--runTestsByPath', ...FILES],
      { cwd: repoRoot, env: { ...process.env, TZ: zone, LINLI_HOST_ZONE: zone }, stdio: ['ignore', 'pipe', 'pipe'] }
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });

// A child run is started by this file; it must not start children of its own.
const describeParentOnly = childHostZone() ? describe.skip : describe;

describeParentOnly('the host-zone cases, in child processes with TZ set', () => {
  jest.setTimeout(120_000);

  it.each(Object.keys(HOST_ZONES))('%s', async (zone) => {
    const run = await runJestInZone(zone);
    let report: JestJson;
    try {
      report = JSON.parse(run.stdout);
    } catch {
      throw new Error(`jest in ${zone} gave no report (exit ${run.code}):\n${run.stderr}`);
    }
    const failed = report.testResults.flatMap((file) => [
      ...(file.status === 'failed' && file.assertionResults.length === 0 ? [`${file.name}: ${file.message}`] : []),
      ...file.assertionResults.filter((a) => a.status === 'failed').map((a) => `${a.fullName}: ${a.status}`),
    ]);
    expect({ zone, failed }).toEqual({ zone, failed: [] });
    // Every file ran in the zone it was given, and ran cases besides that check.
    for (const file of FILES) {
      const passed = report.testResults.find((r) => r.name === file)?.assertionResults.filter((a) => a.status === 'passed').map((a) => a.fullName) ?? [];
      expect({ file, zoneChecked: passed.some((n) => n.endsWith(`runs in the host zone ${zone}`)) }).toEqual({ file, zoneChecked: true });
      expect(passed.length).toBeGreaterThan(1);
    }
    expect(run.code).toBe(0);
  });
});
