import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/generate.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Tests never reach real AWS: fake credentials, no instance metadata lookups, no profile files.
    env: {
      AWS_ACCESS_KEY_ID: 'AKIAWSDOCTORTESTKEY1',
      AWS_SECRET_ACCESS_KEY: 'wsdoctor-test-secret-key',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/wsdoctor-test-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/wsdoctor-test-credentials',
    },
  },
});
