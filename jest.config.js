// One jest run for the whole repository: pure unit tests, then the same integration
// suite against PostgreSQL and against SQLite (each boots the real CMS).
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }];

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.[cm]?tsx?$': swc },
      testMatch: ['<rootDir>/plugins/booking/server/tests/**/*.test.ts', '<rootDir>/tests/unit/**/*.test.ts'],
    },
    {
      displayName: 'postgres',
      testEnvironment: 'node',
      transform: { '^.+\\.[cm]?tsx?$': swc },
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/harness/global-setup.ts',
      globalTeardown: '<rootDir>/tests/harness/global-teardown.ts',
      setupFiles: ['<rootDir>/tests/harness/use-postgres.ts'],
    },
    {
      displayName: 'sqlite',
      testEnvironment: 'node',
      transform: { '^.+\\.[cm]?tsx?$': swc },
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/harness/use-sqlite.ts'],
    },
  ],
};
