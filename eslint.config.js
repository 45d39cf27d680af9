// Lint rules: typescript-eslint's recommended set over the three programs (main, preload,
// renderer) and the tests. Type-aware rules are left out to keep `npm run lint` fast on 2 cores;
// `npm run typecheck` runs the compiler on each program.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'release/', '.electron-native/', 'test-results/', 'playwright-report/', 'tests/artifacts/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // String-built SQL is how injection happens: every query takes parameters.
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name=/^(prepare|exec)$/] > TemplateLiteral[expressions.length>0]",
          message: 'Build SQL with parameters (?, @name), never by interpolating values into the text.',
        },
      ],
    },
  },
  {
    // The renderer's type check sees Node's types (main's API types are imported type-only), so
    // Node globals that do not exist in the page are refused here.
    files: ['renderer/**'],
    rules: { 'no-restricted-globals': ['error', 'Buffer', 'process', 'global', 'require', '__dirname', '__filename'] },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
