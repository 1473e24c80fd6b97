// The OS keychain through Electron's safeStorage: macOS Keychain, Windows
// DPAPI, or the Secret Service / KWallet on Linux. On Linux without one,
// safeStorage falls back to a fixed, well-known key ('basic_text'); that
// protects nothing, so Mutual does not count it as a keychain and says the
// profile has no protection instead.
import { safeStorage } from 'electron'
import type { KeychainBackend } from './supervisor.js'

export function osKeychain(): KeychainBackend | null {
  if (!safeStorage.isEncryptionAvailable()) return null
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return null
  return {
    // safeStorage seals strings; the secret goes through as base64 text.
    seal: (data) => safeStorage.encryptString(data.toString('base64')),
    open: (data) => Buffer.from(safeStorage.decryptString(data), 'base64')
  }
}
