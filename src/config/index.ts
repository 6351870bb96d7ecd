export * from './keys.js'
export * from './load.js'
