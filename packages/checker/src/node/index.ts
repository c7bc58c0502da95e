// The Node-only edge of the checker: finding and reading corpus files. The main entry stays free of
// Node APIs so a web extension can run it; the CLI and the language server import this subpath.
export { CorpusCache, type LoadedCorpus } from './corpus-cache.js';
export { decodeText, type DecodedText, type TextEncodingName } from './decode-text.js';
export { fileInfo, isDirectory } from './file-info.js';
export { corpusFingerprint } from './corpus-fingerprint.js';
export { findCorpusFiles, findCorpusSource, listCorpusFiles, loadCorpus, type CorpusSource } from './load-corpus.js';
export { loadSegments, overlapCacheDir } from './segment-cache.js';
export { CONFIG_FILE, ConfigError, ConfigLoader, loadConfigFile, type LoadedConfig } from './load-config.js';
export { sha256 } from './sha256.js';
export { writeAtomically } from './write-atomically.js';
