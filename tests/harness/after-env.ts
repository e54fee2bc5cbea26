import { stopAllCms } from '../../scripts/lib/cms-process.mts';

// Booting the real CMS takes seconds, more on a loaded 2-core machine.
jest.setTimeout(300_000);

// A test file that failed half-way must not leave its CMS processes running.
afterAll(stopAllCms);
