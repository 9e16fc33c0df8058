import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Layering (DESIGN.md): core ← stix, observables ← store ← intel, enrich, correlate, score,
// threatmodel, match, share ← server, cli. Each entry lists what a folder must not import.
const layers = {
  core: [
    'stix',
    'observables',
    'store',
    'intel',
    'enrich',
    'correlate',
    'score',
    'threatmodel',
    'match',
    'share',
    'server',
    'cli',
  ],
  stix: ['store', 'intel', 'enrich', 'correlate', 'score', 'threatmodel', 'match', 'share', 'server', 'cli'],
  observables: [
    'store',
    'intel',
    'enrich',
    'correlate',
    'score',
    'threatmodel',
    'match',
    'share',
    'server',
    'cli',
  ],
  store: ['intel', 'enrich', 'correlate', 'score', 'threatmodel', 'match', 'share', 'server', 'cli'],
  intel: ['server', 'cli'],
  enrich: ['server', 'cli'],
  correlate: ['server', 'cli'],
  score: ['server', 'cli'],
  threatmodel: ['server', 'cli'],
  match: ['server', 'cli'],
  share: ['server', 'cli'],
  server: ['cli'],
};

const layerRules = Object.entries(layers).map(([layer, forbidden]) => ({
  files: [`src/${layer}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map((f) => ({
          group: [`**/${f}/*`, `**/${f}`],
          message: `src/${layer} must not import src/${f} (layering, DESIGN.md)`,
        })),
      },
    ],
  },
}));

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'coverage', 'web/dist', '**/*.db'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...layerRules,
  {
    files: ['bin/*.js'],
    languageOptions: { globals: { process: 'readonly' } },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
