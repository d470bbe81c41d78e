/**
 * What a host call path tells an allocation audit: every block it allocates in guest memory, every
 * block a plugin hands back, every block it frees. The plain call path passes no observer, so an
 * audit costs nothing unless a check asks for one.
 */

/** A pointer and length in guest memory. */
export interface BlockRange {
  readonly ptr: number;
  readonly len: number;
}

/** Receives the allocation events of one caller. `label` names the call for evidence. */
export interface AllocationObserver {
  /** The plugin's allocator returned `ptr` for a request of `requested` bytes. */
  allocated(ptr: number, requested: number, memoryBytes: number, label: string): void;
  /** A hook handed back an output block; `inputs` are the host's blocks still live during the call. */
  returned(output: BlockRange, inputs: readonly BlockRange[], memoryBytes: number, label: string): void;
  /** The host is about to free `ptr` (of `len` bytes) with the plugin's `free`. */
  freed(ptr: number, len: number, label: string): void;
}
