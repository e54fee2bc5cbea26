// Starts the compiled app as `strapi start` does, the way Strapi's deployment guide starts it under a
// process manager, but without the `strapi` CLI: the CLI loads its build toolchain (the TypeScript
// compiler, the admin bundler's helpers, a React server renderer) even to start, some 20 MB that
// stay in the heap and that every old-generation collection marks again (bench/README.md).
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');

createStrapi({ appDir: __dirname, distDir: path.join(__dirname, 'dist') }).start();
