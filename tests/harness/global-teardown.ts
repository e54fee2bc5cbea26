export default async function globalTeardown(): Promise<void> {
  const child = globalThis.__linliPostgres;
  if (!child || child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
