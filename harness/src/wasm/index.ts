/**
 * Module inspection: reads a WebAssembly binary's imports, exports, memories and metadata without
 * compiling it.
 */

export { inspectModule } from './inspect-module.js';
export { formatSignature, sameSignature } from './module-info.js';
export type {
  CustomSection,
  ExportEntry,
  ExternalKind,
  FunctionSignature,
  ImportEntry,
  MemoryLimits,
  ModuleInfo,
  ProducerField,
  ValueType,
} from './module-info.js';
export { BinaryReader, hexBytes } from './binary-reader.js';
export type { DecodedName, ReaderBound } from './binary-reader.js';
