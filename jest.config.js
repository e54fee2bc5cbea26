// One jest run for the whole repository: pure unit tests, then the same integration
// suite against PostgreSQL and against SQLite (each boots the real CMS).
// Babel strips types and turns modules into CommonJS, .mts included; it needs no native binary
// (swc and jest 30's resolver have platform packages this registry does not fully carry).
const babel = [
  'babel-jest',
  {
    babelrc: false,
    configFile: false,
    presets: [['@babel/preset-typescript', { allExtensions: true }]],
    plugins: ['@babel/plugin-transform-modules-commonjs'],
  },
];
const moduleFileExtensions = ['ts', 'mts', 'js', 'mjs', 'cjs', 'json'];
// These packages ship only ES modules, which jest 29 cannot load as they are: babel turns them
// into CommonJS too (everything else in node_modules is left alone). sanitize-html (the site's)
// requires htmlparser2 and its family, which ship only ES modules since their latest majors.
const esmOnly = ['get-port', 'p-wait-for', 'htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'domelementtype', 'entities'];
const transform = {
  '^.+\\.[cm]?tsx?$': babel,
  [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: [
    'babel-jest',
    { babelrc: false, configFile: false, plugins: ['@babel/plugin-transform-export-namespace-from', '@babel/plugin-transform-modules-commonjs'] },
  ],
};
// A package's own files are left alone unless it is one of those; one nested in another package's
// node_modules is judged by its own name.
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)[^/]+/(?!node_modules/)`];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/plugins/booking/server/tests/**/*.test.ts', '<rootDir>/tests/unit/**/*.test.ts'],
      moduleFileExtensions,
    },
    {
      displayName: 'postgres',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      // The site is built once, against the PostgreSQL CMS: the database makes no difference to it.
      // tests/postgres: what only PostgreSQL can do (several CMS processes on one database).
      // tests/browser: Debian's Chromium on the built site, against a CMS on PostgreSQL.
      // tests/foreign: the packed plugin in a plain Strapi app, on PostgreSQL then SQLite (run once).
      testMatch: [
        '<rootDir>/tests/integration/**/*.test.ts',
        '<rootDir>/tests/site/**/*.test.ts',
        '<rootDir>/tests/postgres/**/*.test.ts',
        '<rootDir>/tests/browser/**/*.test.ts',
        '<rootDir>/tests/foreign/**/*.test.ts',
      ],
      moduleFileExtensions,
      globalSetup: '<rootDir>/tests/harness/global-setup.ts',
      globalTeardown: '<rootDir>/tests/harness/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/harness/use-postgres.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/harness/after-env.ts'],
    },
    {
      displayName: 'sqlite',
      testEnvironment: 'node',
      transform,
      transformIgnorePatterns,
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      moduleFileExtensions,
      setupFiles: ['<rootDir>/tests/harness/use-sqlite.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/harness/after-env.ts'],
    },
  ],
};
