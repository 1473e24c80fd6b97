import { builtinModules } from 'node:module'
import tseslint from 'typescript-eslint'

// The renderer runs with no Node at all. These engine files are Node-free and
// shared with it: core/domain/*, core/errors and core/rpc/{client,bridge}, plus
// core/rpc/{methods,protocol} for their types only (their runtime pulls in zod).
const otherCoreFiles = String.raw`(^|/)core/(?!domain/[^/]+$|errors(\.js)?$|rpc/(client|bridge|methods|protocol)(\.js)?$)`

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'bin/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off'
    }
  },
  {
    // The engine never reaches into Electron or the DOM.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['electron', 'react', 'react-dom', '**/renderer/**', '**/main/**'] }
      ]
    }
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: 'The renderer has no Node.' })),
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            {
              group: ['electron', '**/main/**', '**/cli/**'],
              message: 'The renderer talks to the engine only over window.mutual.'
            },
            {
              regex: otherCoreFiles,
              message:
                'The renderer may use only the Node-free engine files: core/domain, core/errors and core/rpc/{client,bridge,methods,protocol}.'
            },
            {
              group: ['**/core/rpc/methods.js', '**/core/rpc/protocol.js'],
              allowTypeImports: true,
              message: 'Import only types from the RPC methods and protocol (their runtime pulls in zod).'
            }
          ]
        }
      ]
    }
  }
)
