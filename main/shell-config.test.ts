import { expect, test } from 'vitest'
import { ConfigError, parseShellConfig } from './config.js'

test('shell: with no switches the engine joins the public DHT, online', () => {
  expect(parseShellConfig(['.'], {})).toEqual({ bootstrap: null, offline: false })
})

test('shell: --bootstrap and --offline are passed to the engine; the switch wins over MUTUAL_BOOTSTRAP', () => {
  expect(parseShellConfig(['.', '--bootstrap', '127.0.0.1:49737'], {})).toEqual({
    bootstrap: '127.0.0.1:49737',
    offline: false
  })
  expect(parseShellConfig(['--bootstrap=127.0.0.1:1,127.0.0.1:2', '--offline'], {})).toEqual({
    bootstrap: '127.0.0.1:1,127.0.0.1:2',
    offline: true
  })
  expect(parseShellConfig([], { MUTUAL_BOOTSTRAP: '127.0.0.1:5' })).toEqual({
    bootstrap: '127.0.0.1:5',
    offline: false
  })
  expect(
    parseShellConfig(['--bootstrap', '127.0.0.1:6'], { MUTUAL_BOOTSTRAP: '127.0.0.1:5' }).bootstrap
  ).toBe('127.0.0.1:6')
})

test('shell: --bootstrap without a value is refused', () => {
  expect(() => parseShellConfig(['--bootstrap'], {})).toThrow(ConfigError)
  expect(() => parseShellConfig(['--bootstrap', '--offline'], {})).toThrow(/needs a value/)
  expect(() => parseShellConfig(['--bootstrap='], {})).toThrow(/needs a value/)
})
