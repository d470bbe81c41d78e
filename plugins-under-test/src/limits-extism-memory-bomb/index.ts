// limits-extism-memory-bomb: the good generation-B data source (extism-datasource-good) whose
// start_stream first grows its memory (4 MiB steps, then page by page) to at least 4200 pages (262.5 MiB), ignoring a refused
// grow, then streams as usual. Unlimited that works; under plugcheck's 4096-page cap for an Extism
// plugin whose manifest sets no memory.max_pages, the grow is refused at the cap and limits.memory fails.
import { Fault, setup, start_stream as streamAsUsual } from "../extism-pdk/datasource";
import { USER_HOST } from "../extism-pdk/user-host";

setup(USER_HOST, Fault.None);

export function start_stream(): i32 {
  // 4 MiB at a time, then page by page once a step is refused; past the cap every grow fails, and a
  // careless plugin carries on, as this one does.
  while (memory.size() < 4200) {
    if (memory.grow(64) < 0 && memory.grow(1) < 0) break;
  }
  return streamAsUsual();
}

export { plugin_info, plugin_configure, stop_stream } from "../extism-pdk/datasource";
