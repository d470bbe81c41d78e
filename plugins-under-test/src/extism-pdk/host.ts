// extism-pdk/host.ts: the PlusEV data-source host functions (seed 004), each (i64) -> i64 over a
// JSON document in kernel memory. Which import module they come from is the plugin's dialect, so
// user-host.ts and env-host.ts each import them from one module and hand them to a Host.

import { load, store } from "./kernel";

/** The host functions, in the order a Host holds them. */
export enum HostFn { HttpRequest, LogRecord, WsConnect, WsSend, WsReceive, WsClose, PublishStreamData }

/** One data-source host function: a kernel offset in, a kernel offset out. */
export type RawHostFunction = (offset: u64) => u64;

/** The host functions of one namespace. */
export class Host {
  constructor(readonly functions: Array<RawHostFunction>) {}

  /** Sends `payload` (JSON) to a host function and returns the JSON it answers. */
  call(fn: HostFn, payload: string): string {
    return load(this.functions[fn](store(payload)));
  }
}
