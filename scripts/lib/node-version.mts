/** Astro 7 and this project need Node 24; say so plainly instead of failing somewhere deep. */
export const requireNode24 = () => {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 24) {
    console.error(`Linli needs Node 24 (found ${process.version}). See README.md, "Set up".`);
    process.exit(1);
  }
};
