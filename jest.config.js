/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Two workers even on two cores: many tests wait on child processes and the disk.
  maxWorkers: 2,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
};
